"""One sync: snapshot, upload files, push the journal, pull the server's log, fetch files.

Order matters. Files go up before the records that name them. Local changes are pushed before
pulling so the server merges them first and the pull brings back the merged values; a pulled value
never overwrites a field with an unsent local change (``store.sync_state``). Every step is safe to
cut: a push whose reply is lost is re-sent and the server answers ``duplicate``; a pulled page and
its cursor commit together; a sync that did not finish raises, so nobody sees it as a success.
"""

from __future__ import annotations

import json
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from coordinator_app.domain import privacy as retention_rules
from coordinator_app.protocol import PullResponse, own_echo
from coordinator_app.protocol.models import MAX_ATTACHMENT_BYTES, MAX_BATCH, MAX_PULL_LIMIT
from coordinator_app.store import Store, privacy, refused_incoming, sync_state
from coordinator_app.store.journal import JournalEntry
from coordinator_app.store.snapshots import snapshot_if_changed
from coordinator_app.sync import people, settings
from coordinator_app.sync.client import BatchRefused, BatchTooLarge, RawJSON, ServerClient
from coordinator_app.sync.errors import SyncError, SyncErrorKind
from coordinator_app.sync.prefetch import PullAhead, PullRequest
from coordinator_app.sync.pulled import remote_change

Progress = Callable[[str, float | None], None]
#: Changes per push and per pull page: the protocol's largest (every server since the first
#: accepts them), so 10 000 changes cost 20 pushes and 10 pulled pages, each one commit (and one
#: fsync) on the laptop. A server configured for less answers 413 and the batch is halved.
PUSH_BATCH = MAX_BATCH
PULL_LIMIT = MAX_PULL_LIMIT


META_RETENTION_CHECKED = "retention_checked_on"


@dataclass
class SyncReport:
    """What a sync did, for the command line and the status bar."""

    sent: int = 0
    duplicates: int = 0
    received: int = 0
    merged: int = 0
    conflicts_new: int = 0
    conflicts_open: int = 0
    refused: list[dict[str, Any]] = field(default_factory=list)
    #: pulled changes this laptop could not apply, kept aside until dismissed (open ones)
    refused_incoming: list[dict[str, Any]] = field(default_factory=list)
    removed: int = 0
    kept_out_of_scope: int = 0
    uploaded: int = 0
    downloaded: int = 0
    download_failed: list[str] = field(default_factory=list)
    requests: int = 0
    generation_reset: bool = False
    anonymised: int = 0
    completed: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def _fields(entry: JournalEntry) -> dict[str, Any] | RawJSON:
    """The entry's fields for the push body: the journal's JSON text as it is, unless it may hold
    a NaN or an infinity, which the JSON of the protocol has not (decoded, the push refuses it)."""
    text = entry.fields_json
    return entry.fields if "NaN" in text or "Infinity" in text else RawJSON(text)


def _no_progress(message: str, fraction: float | None) -> None:
    return None


_LOCKS: weakref.WeakKeyDictionary[Store, threading.Lock] = weakref.WeakKeyDictionary()
_LOCKS_GUARD = threading.Lock()


def _lock_for(store: Store) -> threading.Lock:
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(store, threading.Lock())


class SyncEngine:
    """Runs syncs for one open profile; the window keeps one and calls ``run`` in a worker."""

    def __init__(
        self,
        store: Store,
        *,
        transport: httpx.BaseTransport | None = None,
        progress: Progress | None = None,
        push_batch: int = PUSH_BATCH,
        pull_limit: int = PULL_LIMIT,
        snapshot: bool = True,
    ) -> None:
        self.store = store
        self.transport = transport
        self.progress = progress or _no_progress
        self.push_batch = push_batch
        self.pull_limit = pull_limit
        self.snapshot = snapshot

    # -- the whole sync -------------------------------------------------------------------------
    def run(self) -> SyncReport:
        """Sync once; raises ``SyncError`` (French message) when the sync did not complete.

        Syncs of one open profile run one at a time (a second one waits for the first); a sync
        from another process is safe too (pages are applied only if the cursor did not move)."""
        with _lock_for(self.store):
            return self._run()

    def _run(self) -> SyncReport:
        connection, token = settings.require(self.store)
        report = SyncReport()
        self._retention: dict[str, int] | None = None
        self._reset_done = False
        self._pushed: set[tuple[str, str]] = set()
        self._own_seqs: list[int] | None = None
        if self.snapshot:
            self.progress("Copie de sécurité du profil…", None)
            snapshot_if_changed(self.store)
        sync_state.start_own_echo(self.store)
        with ServerClient(connection.address, token, transport=self.transport) as client:
            try:
                self._upload_files(client, report)
                self._push(client, connection.device_id, report)
                self._pull(client, connection.device_id, report)
                self._download_files(client, report)
            finally:
                report.requests = client.requests
        self._apply_retention(report)
        report.conflicts_open = len(sync_state.conflicts(self.store))
        report.refused = sync_state.refused(self.store)
        report.refused_incoming = refused_incoming.listing(self.store)
        report.completed = True
        self.store.set_meta(sync_state.META_LAST_SYNC, self.store.now())
        self.progress("Synchronisation terminée.", 1.0)
        return report

    # -- generation -----------------------------------------------------------------------------
    def _generation_changed(self, server_generation: str, report: SyncReport) -> bool:
        """True when the server was restored from a backup: everything local is queued again."""
        stored = sync_state.generation(self.store)
        if stored is None:
            self.store.set_meta(sync_state.META_GENERATION, server_generation)
            return False
        if stored == server_generation:
            return False
        if self._reset_done:
            raise SyncError(
                SyncErrorKind.SERVER,
                "Le serveur a changé deux fois d'identité pendant la synchronisation ; "
                "réessayez plus tard. Rien n'est perdu.",
            )
        self._reset_done = True
        self._own_seqs = None  # seqs of the old generation: the journal gets new ones
        report.generation_reset = True
        self.progress("Le serveur a été restauré : renvoi de vos modifications…", None)
        sync_state.reset_for_new_generation(self.store, server_generation)
        return True

    # -- push -----------------------------------------------------------------------------------
    def _wire(
        self, entry: JournalEntry, base: int | None, *, copied: bool = False
    ) -> dict[str, Any]:
        """A journal entry as the push sends it; ``base`` is its ``sync_state.base_seqs``. With
        ``copied``, its fields are the journal's JSON text for ``client.push_body`` to copy."""
        fields = (
            (_fields(entry) if copied else entry.fields) if entry.op in ("create", "update") else {}
        )
        change: dict[str, Any] = {
            "change_id": entry.change_id,
            "kind": entry.kind,
            "record_id": entry.record_id,
            "op": entry.op,
            "fields": fields,
            "at": entry.at,
            "author": entry.author,
        }
        if base is not None:
            change["base_seq"] = base
        return change

    def _push(self, client: ServerClient, device_id: str, report: SyncReport) -> None:
        total = max(self.store.pending_count(), 1)
        while batch := sync_state.pending_to_push(self.store, self.push_batch):
            self.progress(f"Envoi des modifications ({report.sent}/{total})…", report.sent / total)
            bases = sync_state.base_seqs(self.store, batch)
            try:
                wire = [self._wire(e, bases[e.change_id], copied=True) for e in batch]
                answer = client.push(device_id, wire)
            except BatchTooLarge:
                if len(batch) == 1:
                    raise
                self.push_batch = max(1, len(batch) // 2)  # this server takes smaller batches
                continue
            except BatchRefused as refusal:
                self._record_batch_refusal(batch, refusal)
                continue
            if self._generation_changed(answer.server_generation, report):
                continue  # every local change is queued again: start over
            acknowledged: dict[str, int | None] = {}
            refused: dict[str, str] = {}
            for result in answer.results:
                if result.status == "refused":
                    refused[result.change_id] = result.reason or "refusé par le serveur"
                else:
                    acknowledged[result.change_id] = result.server_seq
                    report.duplicates += result.status == "duplicate"
            sync_state.acknowledge(self.store, acknowledged, refused)
            report.sent += len(acknowledged)
            self._pushed |= {(e.kind, e.record_id) for e in batch if e.change_id in acknowledged}
            if not acknowledged and not refused:
                raise SyncError(SyncErrorKind.SERVER, "Le serveur n'a accusé réception de rien.")

    def _record_batch_refusal(self, batch: list[JournalEntry], refusal: BatchRefused) -> None:
        """A batch refused whole: keep the named entries as refused, send the others again."""
        reasons: dict[str, str] = {}
        for problem in refusal.entries:
            change_id = problem.change_id
            if change_id is None and 0 <= problem.index < len(batch):
                change_id = batch[problem.index].change_id
            if change_id:
                where = f" ({problem.field})" if problem.field else ""
                reasons[change_id] = f"{problem.message}{where}"
        if not sync_state.acknowledge(self.store, {}, reasons):
            raise refusal

    # -- pull -----------------------------------------------------------------------------------
    def _pull(self, client: ServerClient, device_id: str, report: SyncReport) -> None:
        """Pages in order from the cursor, each applied with its cursor. While one is applied the
        next is requested (``sync.prefetch``), used only if it is the request this loop sends
        then; ``echo``: what the last answer used said of ``own``."""
        with PullAhead(client) as ahead:
            echo = client.own_echo
            while True:
                since = sync_state.cursor(self.store)
                self.progress("Réception des modifications…", None)
                request = PullRequest(since, self.pull_limit, self._own(echo, since))
                page, unreadable = ahead.take(request)
                echo = client.own_echo
                if self._generation_changed(page.server_generation, report):
                    self._push(client, device_id, report)
                    echo = client.own_echo
                    continue
                if self._scope_gained(page, since, report):
                    continue
                if page.has_more and client.held_cursor:
                    after = page.next_since
                    own = self._own(echo, after, keep=False)  # read before the page is applied
                    ahead.start(PullRequest(after, self.pull_limit, own, held=since))
                if self._apply(page, unreadable, since, report) and not page.has_more:
                    return

    def _apply(self, page: PullResponse, unreadable: list, since: int, report: SyncReport) -> bool:
        """Apply one page with its cursor; False when another sync of this profile moved the
        cursor meanwhile (nothing applied: the caller pulls again from there)."""
        scope = page.scope
        people.remember_staff(self.store, page.staff)  # « Visite faite par », « Responsable »
        changes = [remote_change(e, scope.role, set(scope.regions)) for e in page.changes]
        result = sync_state.apply_page(
            self.store,
            changes,
            since=since,
            next_cursor=page.next_since,
            server_generation=page.server_generation,
            scope=json.dumps(sorted(scope.regions)),
            unreadable=unreadable,
        )
        if result.stale:
            return False
        self._retention = page.retention
        report.received += result.received
        report.merged += len(result.records & self._pushed)
        report.conflicts_new += result.new_conflicts
        report.removed += len(result.removed)
        report.kept_out_of_scope += len(result.kept_out_of_scope)
        return True

    def _own(self, enabled: bool, since: int, *, keep: bool = True) -> str | None:
        """The runs of own seqs after ``since`` to name in a pull (``protocol.own_echo``): none to
        a server that did not say it takes them, nor in a pull started again from 0 for regions
        gained or a restored server. Read once per sync: acknowledgements only add to it, and the
        journal keeps what it held. A request sent ahead does not keep it: the page applied
        meanwhile may change the journal (then the request sent ahead is dropped)."""
        if not enabled:
            return None
        seqs = self._own_seqs
        if seqs is None:
            seqs = sync_state.own_held(self.store, since)
            if keep:
                self._own_seqs = seqs
        runs = own_echo.runs_of(s for s in seqs if s > since)
        return own_echo.format_runs(runs) or None

    def _apply_retention(self, report: SyncReport) -> None:
        """Keep the server's retention rules and anonymise what they say is due (Law 25).

        The server anonymises with the same rule and values, so these changes never conflict."""
        received = getattr(self, "_retention", None)
        if received is None:
            return
        today = self.store.today().isoformat()
        changed = privacy.retention_rules(self.store) != retention_rules.retention_rules(received)
        if changed:
            privacy.set_retention_rules(self.store, received)
        elif self.store.get_meta(META_RETENTION_CHECKED) == today:
            return  # periods end by the day: once a day keeps a sync's cost with its changes
        if privacy.due_for_anonymisation(self.store):
            report.anonymised = len(privacy.purge(self.store))
        self.store.set_meta(META_RETENTION_CHECKED, today)

    def _scope_gained(self, page: PullResponse, since: int, report: SyncReport) -> bool:
        """Regions changed on the server: drop lost ones; pull again from 0 for gained ones."""
        if page.scope.role == "admin":
            return False
        stored_text = self.store.get_meta(sync_state.META_SCOPE)
        now = set(page.scope.regions)
        if stored_text is None:
            return False
        stored = set(json.loads(stored_text))
        lost, gained = stored - now, now - stored
        if lost:
            result = sync_state.leave_regions(self.store, lost)
            report.removed += len(result.removed)
            report.kept_out_of_scope += len(result.kept_out_of_scope)
        if gained and since > 0:
            self._own_seqs = []  # a full pull again: everything comes back, as before
            with self.store.transaction():
                self.store.set_meta(sync_state.META_CURSOR, "0")
                self.store.set_meta(sync_state.META_SCOPE, json.dumps(sorted(now)))
            return True
        if lost:
            self.store.set_meta(sync_state.META_SCOPE, json.dumps(sorted(now)))
        return False

    # -- attachment files -----------------------------------------------------------------------
    def _upload_files(self, client: ServerClient, report: SyncReport) -> None:
        for sha in sync_state.attachment_shas_to_upload(self.store):
            data = sync_state.read_attachment(self.store, sha)
            if data is None:
                continue  # the record came from elsewhere; nothing to upload from here
            if len(data) > MAX_ATTACHMENT_BYTES:
                sync_state.refuse_attachment(
                    self.store,
                    sha,
                    f"Fichier de plus de {MAX_ATTACHMENT_BYTES // (1024 * 1024)} Mo : le serveur "
                    "ne l'accepte pas. Il reste sur cet ordinateur.",
                )
                continue
            self.progress("Téléversement des pièces jointes…", None)
            client.upload_attachment(sha, data)
            report.uploaded += 1

    def _download_files(self, client: ServerClient, report: SyncReport) -> None:
        for sha in sync_state.missing_attachment_files(self.store):
            self.progress("Téléchargement des pièces jointes…", None)
            try:
                data = client.download_attachment(sha)
                sync_state.write_attachment(self.store, sha, data)
            except SyncError as error:
                if error.kind in (SyncErrorKind.UNREACHABLE, SyncErrorKind.INTERRUPTED):
                    raise
                report.download_failed.append(sha)
                continue
            except ValueError:
                report.download_failed.append(sha)
                continue
            report.downloaded += 1


def fetch_attachment(
    store: Store, sha256: str, *, transport: httpx.BaseTransport | None = None
) -> bytes:
    """Download one attachment file now (a coordinator opens a photo that synced without its
    file); kept in the profile, encrypted, after its hash is checked. Returns the content."""
    existing = sync_state.read_attachment(store, sha256)
    if existing is not None:
        return existing
    connection, token = settings.require(store)
    with ServerClient(connection.address, token, transport=transport) as client:
        data = client.download_attachment(sha256)
    try:
        sync_state.write_attachment(store, sha256, data)
    except ValueError:
        raise SyncError(
            SyncErrorKind.SERVER,
            "La pièce jointe reçue du serveur ne correspond pas à son empreinte ; elle n'a pas "
            "été gardée. Réessayez plus tard.",
        ) from None
    return data
