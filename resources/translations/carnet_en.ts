<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ActionItemsTable</name>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="104" />
        <source>Suivis de la visite</source>
        <translation>Visit follow-ups</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="123" />
        <source>AAAA-MM-JJ, par exemple 2026-12-15</source>
        <translation>YYYY-MM-DD, for example 2026-12-15</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="126" />
        <source>Fait</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="46" />
        <source>Phrase de passe du profil chiffré :
{folder}</source>
        <translation>Passphrase of the encrypted profile:
{folder}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="48" />
        <source>Choisissez la phrase de passe qui protégera ce nouveau profil :
{folder}</source>
        <translation>Choose the passphrase that will protect this new profile:
{folder}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="53" />
        <source>Phrase de passe incorrecte.</source>
        <translation>Wrong passphrase.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="56" />
        <source>Déverrouiller le profil</source>
        <translation>Unlock the profile</translation>
    </message>
</context>
<context>
    <name>AttachmentsList</name>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="194" />
        <source>Pièces jointes de la visite</source>
        <translation>Visit attachments</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="82" />
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="83" />
        <source>Région</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="85" />
        <source>Municipalité</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="87" />
        <location filename="../../coordinator_app/ui/lists/columns.py" line="123" />
        <source>Étape</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="88" />
        <source>Année</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="91" />
        <source>Coordonnateurs</source>
        <translation>Coordinators</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="104" />
        <location filename="../../coordinator_app/ui/lists/columns.py" line="115" />
        <source>Jeunes</source>
        <translation>Youth</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="126" />
        <source>Constitution</source>
        <translation>Incorporation</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="130" />
        <location filename="../../coordinator_app/ui/lists/columns.py" line="149" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="133" />
        <source>Membres</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="143" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="145" />
        <location filename="../../coordinator_app/ui/lists/columns.py" line="170" />
        <source>Projet</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="148" />
        <source>Lieu</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="152" />
        <source>Coordonnateur</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="158" />
        <source>Observations</source>
        <translation>Observations</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="165" />
        <location filename="../../coordinator_app/ui/lists/model.py" line="222" />
        <source>Fait</source>
        <extracomment>Wait this long after a page landed before counting all the matches (see ``reload``).</extracomment>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="166" />
        <source>Échéance</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="167" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="168" />
        <source>Responsable</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/model.py" line="223" />
        <source>À faire</source>
        <translation>To do</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="100" />
        <source>Aucun conflit de synchronisation. Les conflits apparaîtront ici après une synchronisation avec le serveur.</source>
        <translation>No sync conflicts. Conflicts will appear here after a sync with the server.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="173" />
        <source>Tableau de bord</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="174" />
        <source>&amp;Région</source>
        <translation>&amp;Region</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="175" />
        <source>&amp;Année</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="176" />
        <source>Région des indicateurs</source>
        <translation>Region of the indicators</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="177" />
        <source>Année des indicateurs</source>
        <translation>Year of the indicators</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="178" />
        <source>Jeune COOP</source>
        <translation>Jeune COOP</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="179" />
        <source>CIEC</source>
        <translation>CIEC</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="180" />
        <source>Coopératives agricoles : survie</source>
        <translation>Farm co-ops: survival</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="181" />
        <location filename="../../coordinator_app/ui/dashboard.py" line="300" />
        <source>Coopératives agricoles fondées par année</source>
        <translation>Farm co-ops founded per year</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="182" />
        <source>Suivis en retard</source>
        <translation>Overdue follow-ups</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="201" />
        <source>Toutes les régions</source>
        <translation>All regions</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="253" />
        <source>coopératives</source>
        <translation>co-ops</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="254" />
        <location filename="../../coordinator_app/ui/dashboard.py" line="263" />
        <source>jeunes</source>
        <translation>youth</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="255" />
        <source>écoles</source>
        <translation>schools</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="260" />
        <source>régions</source>
        <translation>regions</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="261" />
        <source>projets</source>
        <translation>projects</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="262" />
        <source>coordonnateurs</source>
        <translation>coordinators</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="272" />
        <source>actives après 5 ans</source>
        <translation>active after 5 years</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="278" />
        <source>actives après 10 ans</source>
        <translation>active after 10 years</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="281" />
        <source>sur {count} fondées</source>
        <translation>of {count} founded</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="290" />
        <source>Suivis en retard ({count})</source>
        <translation>Overdue follow-ups ({count})</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="292" />
        <source>Suivis en retard : aucun</source>
        <translation>Overdue follow-ups: none</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="303" />
        <source>Fondées</source>
        <translation>Founded</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="319" />
        <source>Année de fondation ({first} à {last})</source>
        <translation>Year founded ({first} to {last})</translation>
    </message>
</context>
<context>
    <name>DiscardBanner</name>
    <message>
        <location filename="../../coordinator_app/ui/forms/draft_keeper.py" line="166" />
        <source>Abandonner la saisie ?</source>
        <translation>Discard the entry?</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/draft_keeper.py" line="167" />
        <source>&amp;Abandonner (Échap)</source>
        <translation>&amp;Discard (Esc)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/draft_keeper.py" line="168" />
        <source>&amp;Continuer la saisie</source>
        <translation>&amp;Keep editing</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/draft_keeper.py" line="169" />
        <source>Abandonner la saisie</source>
        <translation>Discard the entry</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/draft_keeper.py" line="170" />
        <source>Continuer la saisie</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/draft_keeper.py" line="173" />
        <source>Abandonner ce que vous avez tapé ? Rien ne sera enregistré.</source>
        <translation>Discard what you typed? Nothing will be saved.</translation>
    </message>
</context>
<context>
    <name>DraftBanner</name>
    <message>
        <location filename="../../coordinator_app/ui/forms/draft_keeper.py" line="140" />
        <source>Brouillon non enregistré</source>
        <translation>Unsaved draft</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/draft_keeper.py" line="141" />
        <source>&amp;Oui</source>
        <translation>&amp;Yes</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/draft_keeper.py" line="142" />
        <source>&amp;Non</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/draft_keeper.py" line="143" />
        <source>Oui, reprendre le brouillon</source>
        <translation>Yes, resume the draft</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/draft_keeper.py" line="144" />
        <source>Non, oublier le brouillon</source>
        <translation>No, discard the draft</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/draft_keeper.py" line="155" />
        <source>Un brouillon non enregistré de ce formulaire a été conservé ({0}). Reprendre le brouillon ?</source>
        <translation>An unsaved draft of this form was kept ({0}). Resume the draft?</translation>
    </message>
</context>
<context>
    <name>EntityForm</name>
    <message>
        <location filename="../../coordinator_app/ui/forms/entity_form.py" line="127" />
        <source>Fiche</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/entity_form.py" line="130" />
        <source>Historique des modifications</source>
        <translation>Change history</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/entity_form.py" line="135" />
        <source>Enregistrer (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/entity_form.py" line="136" />
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/entity_form.py" line="137" />
        <source>Annuler (Échap)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/entity_form.py" line="138" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/entity_form.py" line="168" />
        <location filename="../../coordinator_app/ui/forms/entity_form.py" line="177" />
        <source>{0} : {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/entity_form.py" line="169" />
        <source>{0} (nouveau)</source>
        <translation>{0} (new)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/entity_form.py" line="261" />
        <source>Rien n'a été enregistré : 1 problème à corriger (en rouge).</source>
        <translation>Nothing was saved: 1 problem to correct (in red).</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/entity_form.py" line="263" />
        <source>Rien n'a été enregistré : {0} problèmes à corriger (en rouge).</source>
        <translation>Nothing was saved: {0} problems to correct (in red).</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../coordinator_app/ui/errors.py" line="51" />
        <source>Données invalides</source>
        <extracomment>The dialogs shown so far that are still open (tests and the window look at the last one).</extracomment>
        <translation>Invalid data</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/errors.py" line="52" />
        <source>Corrigez ces champs :</source>
        <translation>Correct these fields:</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/errors.py" line="56" />
        <source>Impossible de continuer</source>
        <translation>Cannot continue</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/errors.py" line="59" />
        <source>Erreur de fichier : {reason} ({path}).</source>
        <translation>File error: {reason} ({path}).</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/errors.py" line="63" />
        <source>Erreur de fichier</source>
        <translation>File error</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/errors.py" line="65" />
        <source>Détails dans {path}</source>
        <translation>Details in {path}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/errors.py" line="68" />
        <source>Une erreur inattendue s'est produite ({name} : {error}). L'application reste ouverte ; vos données enregistrées ne sont pas touchées.</source>
        <translation>An unexpected error occurred ({name}: {error}). The application stays open; your saved data is untouched.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/errors.py" line="74" />
        <source>Erreur inattendue</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/errors.py" line="76" />
        <source>Le détail technique est dans le journal : {path}</source>
        <translation>The technical details are in the log: {path}</translation>
    </message>
</context>
<context>
    <name>FieldsPanel</name>
    <message>
        <location filename="../../coordinator_app/ui/forms/panel.py" line="152" />
        <source>aucun choix ne correspond à « {0} » : choisissez dans la liste</source>
        <translation>no choice matches “{0}”: choose from the list</translation>
    </message>
</context>
<context>
    <name>FormsFeature</name>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="36" />
        <source>Nouvelle &amp;visite</source>
        <translation>New &amp;visit</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="37" />
        <source>Nouveau &amp;projet…</source>
        <translation>New &amp;project…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="38" />
        <source>Nouveau p&amp;articipant…</source>
        <translation>New p&amp;articipant…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="39" />
        <source>Nouveau &amp;contrat…</source>
        <translation>New &amp;contract…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="40" />
        <source>Nouvelle demande de &amp;financement…</source>
        <translation>New &amp;funding request…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="41" />
        <source>Nouveau &amp;suivi…</source>
        <translation>New &amp;follow-up…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="44" />
        <source>Nouvel a&amp;telier ou webinaire…</source>
        <translation>New &amp;workshop or webinar…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="47" />
        <source>Nouvelle &amp;organisation…</source>
        <translation>New &amp;organisation…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="48" />
        <source>Nouvelle é&amp;cole…</source>
        <translation>New s&amp;chool…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="49" />
        <source>Nouvelle &amp;municipalité…</source>
        <translation>New &amp;municipality…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="52" />
        <source>Nouveau coordonnateur ou coordonnatrice…</source>
        <translation>New coordinator…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="128" />
        <source>Imprimer la fiche du projet…</source>
        <translation>Print the project sheet…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="149" />
        <source>Imprimer le compte rendu…</source>
        <translation>Print the visit report…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="192" />
        <source>&amp;Nouveau</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="199" />
        <source>Nouvelle visite (Ctrl+N)</source>
        <translation>New visit (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="200" />
        <source>Nouveau projet (Ctrl+Maj+P)</source>
        <translation>New project (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="224" />
        <source>Choisissez d'abord un projet dans une liste (Projets CIEC, Jeune COOP, Coopératives agricoles, Visites ou Suivis).</source>
        <translation>First choose a project in a list (CIEC projects, Jeune COOP, Farm co-ops, Visits or Follow-ups).</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="257" />
        <source>Brouillon non enregistré</source>
        <translation>Unsaved draft</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="259" />
        <source>Un brouillon non enregistré a été conservé : {0}.

Reprendre le brouillon ?</source>
        <translation>An unsaved draft was kept: {0}.

Resume the draft?</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="264" />
        <source>&amp;Oui</source>
        <translation>&amp;Yes</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="265" />
        <source>&amp;Non</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="266" />
        <source>Reprendre le brouillon ?</source>
        <translation>Resume the draft?</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="53" />
        <source>Quand, qui, quoi</source>
        <translation>When, who, what</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="53" />
        <source>Ancienne valeur</source>
        <translation>Old value</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="53" />
        <source>Nouvelle valeur</source>
        <translation>New value</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="56" />
        <source>Historique des modifications : {0}</source>
        <translation>Change history: {0}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="63" />
        <location filename="../../coordinator_app/ui/forms/history.py" line="64" />
        <source>Rétablir cette valeur</source>
        <translation>Restore this value</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="65" />
        <source>Remet l'ancienne valeur du champ choisi</source>
        <translation>Puts back the old value of the chosen field</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="77" />
        <source>Création</source>
        <translation>Creation</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="78" />
        <source>Modification</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="79" />
        <source>Suppression</source>
        <translation>Deletion</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="80" />
        <source>Restauration</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="94" />
        <source>{0} — {1} — {2}</source>
        <translation>{0} — {1} — {2}</translation>
    </message>
</context>
<context>
    <name>ImportExport</name>
    <message>
        <location filename="generated_strings.py" line="166" />
        <source>Ligne {0} sur environ {1}</source>
        <translation>Row {0} of about {1}</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="167" />
        <source>Importer des données</source>
        <translation>Import data</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="168" />
        <source>&amp;Fichier (.xlsx, .csv, .json) :</source>
        <translation>&amp;File (.xlsx, .csv, .json):</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="169" />
        <source>&amp;Contenu du fichier :</source>
        <translation>File &amp;contents:</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="170" />
        <source>&amp;Parcourir…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="171" />
        <source>Aperçu des premières lignes</source>
        <translation>Preview of the first rows</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="172" />
        <source>Problèmes à corriger dans le fichier</source>
        <translation>Problems to correct in the file</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="173" />
        <source>&amp;Vérifier</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="174" />
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="175" />
        <source>&amp;Importer</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="176" />
        <source>Fichier à importer</source>
        <translation>File to import</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="177" />
        <source>Type de données du fichier</source>
        <translation>Kind of data in the file</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="178" />
        <source>Aperçu des premières lignes du fichier</source>
        <translation>Preview of the first rows of the file</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="179" />
        <source>Problèmes à corriger</source>
        <translation>Problems to correct</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="180" />
        <source>Choisir le fichier à importer</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="181" />
        <source>Fichiers de données (*.xlsx *.csv *.txt *.json);;Tous les fichiers (*)</source>
        <translation>Data files (*.xlsx *.csv *.txt *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="182" />
        <source>L'opération a échoué.</source>
        <translation>The operation failed.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="183" />
        <source>Exporter des données</source>
        <translation>Export data</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="184" />
        <source>Inclure les noms et dates de naissance des participants (renseignements personnels)</source>
        <translation>Include the participants' names and dates of birth (personal information)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="185" />
        <source>&amp;Exporter</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="186" />
        <source>Exporter vers</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="187" />
        <source>Exportation en cours…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="188" />
        <source>Exporter des renseignements personnels</source>
        <translation>Export personal information</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="189" />
        <source>Le fichier contiendra les noms et dates de naissance des participants. Cette exportation sera inscrite au registre des communications (qui, quand, quoi). Continuer ?</source>
        <translation>The file will contain the participants' names and dates of birth. This export will be recorded in the disclosure register (who, when, what). Continue?</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="190" />
        <source>&amp;Importer…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="191" />
        <source>E&amp;xporter…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="192" />
        <source>Importer une liste Excel (.xlsx), CSV ou JSON</source>
        <translation>Import an Excel (.xlsx), CSV or JSON list</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="193" />
        <source>Exporter des données en Excel, CSV ou JSON</source>
        <translation>Export data to Excel, CSV or JSON</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="198" />
        <source>mis à jour</source>
        <translation>updated</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="199" />
        <source>inchangé</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="200" />
        <source>Lecture du fichier</source>
        <translation>Reading the file</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="194" />
        <source>Ligne</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="201" />
        <source>Choisissez d'abord un fichier.</source>
        <translation>First choose a file.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="202" />
        <source>Vérification en cours…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="203" />
        <source>Importation en cours…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="204" />
        <source>Lignes qui correspondent à des éléments existants</source>
        <translation>Rows that match existing records</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="205" />
        <source>&amp;Données :</source>
        <translation>&amp;Data:</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="206" />
        <source>F&amp;ormat :</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="207" />
        <source>&amp;Fichier :</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="208" />
        <source>Choisissez d'abord le fichier à écrire.</source>
        <translation>First choose the file to write.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="210" />
        <source>Exportation</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="195" />
        <source>Colonne</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="196" />
        <source>Valeur</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="197" />
        <source>Problème</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="209" />
        <source>Exportation annulée : rien n'a été écrit.</source>
        <translation>Export cancelled: nothing was written.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="211" />
        <source>Trouvé par</source>
        <translation>Found by</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="212" />
        <source>Élément existant</source>
        <translation>Existing record</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="213" />
        <source>Résultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="214" />
        <source>Colonnes reconnues : {0}.</source>
        <translation>Columns recognised: {0}.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="215" />
        <source>Vérification du fichier</source>
        <translation>Checking the file</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="216" />
        <source>Importation du fichier</source>
        <translation>Importing the file</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="217" />
        <source>{0} enregistrement(s) exporté(s) dans {1}.</source>
        <translation>{0} record(s) exported to {1}.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="218" />
        <source>Colonnes ignorées : {0}.</source>
        <translation>Columns ignored: {0}.</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="161" />
        <source>Rechercher un nom, une municipalité ou le texte d'une visite (Ctrl+F)</source>
        <translation>Search a name, a municipality or the text of a visit (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="163" />
        <source>Recherche</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="164" />
        <source>&amp;Région</source>
        <translation>&amp;Region</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="165" />
        <source>É&amp;tape</source>
        <translation>S&amp;tage</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="166" />
        <source>&amp;Année</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="167" />
        <source>C&amp;oordonnateur</source>
        <translation>C&amp;oordinator</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="168" />
        <source>Filtrer par région</source>
        <translation>Filter by region</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="169" />
        <source>Filtrer par étape</source>
        <translation>Filter by stage</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="170" />
        <source>Filtrer par année</source>
        <translation>Filter by year</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="171" />
        <source>Filtrer par coordonnateur</source>
        <translation>Filter by coordinator</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="172" />
        <location filename="../../coordinator_app/ui/lists/page.py" line="173" />
        <source>Réinitialiser les filtres</source>
        <translation>Reset the filters</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="204" />
        <source>Toutes les régions</source>
        <translation>All regions</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="210" />
        <source>Toutes les étapes</source>
        <translation>All stages</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="217" />
        <location filename="../../coordinator_app/ui/lists/page.py" line="229" />
        <source>Toutes les années</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="218" />
        <location filename="../../coordinator_app/ui/lists/page.py" line="234" />
        <source>Tous les coordonnateurs</source>
        <translation>All coordinators</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="287" />
        <source>{count} résultat(s)</source>
        <translation>{count} result(s)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="266" />
        <source>{app} — données de démonstration</source>
        <translation>{app} — demo data</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="272" />
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="273" />
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="274" />
        <source>&amp;Rapports</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="275" />
        <source>&amp;Outils</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="276" />
        <source>&amp;Préférences</source>
        <translation>&amp;Preferences</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="277" />
        <source>Ai&amp;de</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="278" />
        <source>&amp;Langue</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="279" />
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="280" />
        <source>&amp;Rechercher</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="281" />
        <source>&amp;Actualiser</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="282" />
        <source>&amp;Serveur de synchronisation…</source>
        <translation>&amp;Sync server…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="283" />
        <source>À &amp;propos de Carnet COOP</source>
        <translation>&amp;About Carnet COOP</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="284" />
        <source>Barre d'outils</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="285" />
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="290" />
        <source>{page} (Ctrl+{number})</source>
        <translation>{page} (Ctrl+{number})</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="391" />
        <source>Cette fiche ne peut pas encore être ouverte dans cette version.</source>
        <translation>This record cannot be opened in this version yet.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="405" />
        <source>Chargement des données de démonstration</source>
        <translation>Loading the demo data</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="417" />
        <source>Données de démonstration chargées : {count} enregistrements.</source>
        <translation>Demo data loaded: {count} records.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="428" />
        <source>Chargement des données de démonstration…</source>
        <translation>Loading the demo data…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="433" />
        <source>Données de démonstration</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="444" />
        <source>Cette langue n'est pas disponible.</source>
        <translation>This language is not available.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="453" />
        <source>À propos de Carnet COOP</source>
        <translation>About Carnet COOP</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="457" />
        <source>&lt;b&gt;{name}&lt;/b&gt; {version}&lt;br&gt;Carnet de terrain des coordonnateurs et coordonnatrices du CQCM : projets CIEC, Jeune COOP et coopératives agricoles.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; {version}&lt;br&gt;Field notebook of CQCM's regional coordinators: CIEC projects, Jeune COOP and farm co-ops.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="461" />
        <source>Profil : {path}</source>
        <translation>Profile: {path}</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="52" />
        <source>Tableau de bord</source>
        <extracomment>Navigation entries: (key, French title). Titles are translated when shown.</extracomment>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="53" />
        <source>Projets CIEC</source>
        <translation>CIEC projects</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="54" />
        <source>Jeune COOP</source>
        <translation>Jeune COOP</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="55" />
        <source>Coopératives agricoles</source>
        <translation>Farm co-ops</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="56" />
        <source>Visites</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="57" />
        <source>Suivis</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="58" />
        <source>Conflits</source>
        <translation>Conflicts</translation>
    </message>
</context>
<context>
    <name>ProjectListPage</name>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="27" />
        <source>Projets CIEC</source>
        <translation>CIEC projects</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="28" />
        <source>Jeune COOP</source>
        <translation>Jeune COOP</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="29" />
        <source>Coopératives agricoles</source>
        <translation>Farm co-ops</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="34" />
        <source>1 projet</source>
        <translation>1 project</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="35" />
        <source>{count} projets</source>
        <translation>{count} projects</translation>
    </message>
</context>
<context>
    <name>ProjectPage</name>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="140" />
        <source>Modifier le projet (Ctrl+E)</source>
        <translation>Edit the project (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="143" />
        <source>Nouvelle visite (Ctrl+N)</source>
        <translation>New visit (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="146" />
        <source>Ajouter un participant</source>
        <translation>Add a participant</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="148" />
        <source>Ajouter un contrat</source>
        <translation>Add a contract</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="150" />
        <source>Ajouter une demande de financement</source>
        <translation>Add a funding request</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="165" />
        <source>Sections du projet</source>
        <translation>Project sections</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="167" />
        <source>Aperçu</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="168" />
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="169" />
        <source>Contrats</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="170" />
        <source>Financement</source>
        <translation>Funding</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="171" />
        <source>Visites</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="172" />
        <source>Historique des modifications</source>
        <translation>Change history</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="199" />
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="201" />
        <source>Historique des étapes</source>
        <translation>Stage history</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="201" />
        <source>Étape</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="201" />
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="237" />
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="282" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="217" />
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="218" />
        <source>Date de naissance</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="219" />
        <source>Âge</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="220" />
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="221" />
        <source>Consentement (moins de 14 ans)</source>
        <translation>Consent (under 14)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="223" />
        <source>Participants du projet</source>
        <translation>Project participants</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="238" />
        <source>Type de client</source>
        <translation>Client type</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="239" />
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="240" />
        <source>Heures</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="241" />
        <source>Montant</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="243" />
        <source>Contrats du projet</source>
        <translation>Project contracts</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="260" />
        <source>Bailleur de fonds</source>
        <translation>Funder</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="261" />
        <source>Programme</source>
        <translation>Program</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="262" />
        <source>Demandé</source>
        <translation>Requested</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="263" />
        <source>Accordé</source>
        <translation>Granted</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="264" />
        <source>Versé</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="265" />
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="266" />
        <source>Prochaine reddition de comptes</source>
        <translation>Next report due</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="268" />
        <source>Demandes de financement du projet</source>
        <translation>Project funding requests</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="283" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="284" />
        <source>Lieu</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="285" />
        <source>Suivis ouverts</source>
        <translation>Open follow-ups</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="286" />
        <source>Pièces jointes</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="287" />
        <source>Observations</source>
        <translation>Observations</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="289" />
        <source>Visites du projet, la plus récente en premier</source>
        <translation>Project visits, most recent first</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="296" />
        <source>Ouvrir la visite (Entrée)</source>
        <translation>Open the visit (Enter)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="297" />
        <source>Ouvrir la visite</source>
        <translation>Open the visit</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="341" />
        <source>Année {0}</source>
        <translation>Year {0}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="342" />
        <source>Étape : {0}</source>
        <translation>Stage: {0}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="344" />
        <source>Projet {0}</source>
        <translation>Project {0}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="345" />
        <source>Projet : {0}</source>
        <translation>Project: {0}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="371" />
        <source>Notes :</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="421" />
        <source>⚠ {0} participant(s) de moins de 14 ans sans consentement d'un parent ou tuteur (Loi 25).</source>
        <translation>⚠ {0} participant(s) under 14 without consent from a parent or guardian (Law 25).</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="428" />
        <source>Participants ({0})</source>
        <translation>Participants ({0})</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="432" />
        <source>⚠ Consentement manquant</source>
        <translation>⚠ Consent missing</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="434" />
        <source>Donné par {0} ({1})</source>
        <translation>Given by {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="438" />
        <source>Anonymisé</source>
        <translation>Anonymised</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="439" />
        <source>Non requis (14 ans ou plus)</source>
        <translation>Not required (14 or older)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="466" />
        <source>Total des contrats : {0} · Heures : {1} · Chiffre d'affaires déclaré : {2}</source>
        <translation>Contracts total: {0} · Hours: {1} · Declared revenue: {2}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="473" />
        <source>Contrats ({0})</source>
        <translation>Contracts ({0})</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="491" />
        <source>{0} (en retard : {1})</source>
        <translation>{0} (overdue: {1})</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="516" />
        <source>⚠ {0} reddition(s) de comptes en retard (onglet Financement).</source>
        <translation>⚠ {0} overdue report(s) (Funding tab).</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="520" />
        <source>Financement ({0})</source>
        <translation>Funding ({0})</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="554" />
        <source>Les {0} visites les plus récentes sur {1} sont affichées ; la page Visites de la fenêtre principale les montre toutes.</source>
        <translation>The {0} most recent visits of {1} are shown; the Visits page of the main window shows them all.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="561" />
        <source>Visites ({0})</source>
        <translation>Visits ({0})</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="generated_strings.py" line="219" />
        <source>Le rapport à imprimer est vide.</source>
        <translation>The report to print is empty.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="220" />
        <source>L'imprimante n'a pas pu être ouverte : vérifiez son état et réessayez.</source>
        <translation>The printer could not be opened: check it and try again.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="221" />
        <source>Aperçu du rapport</source>
        <translation>Report preview</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="222" />
        <source>&amp;Imprimer…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="223" />
        <source>&amp;Enregistrer en PDF…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="224" />
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="225" />
        <source>Imprimer le rapport</source>
        <translation>Print the report</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="226" />
        <source>Enregistrer le rapport en PDF</source>
        <translation>Save the report as PDF</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="227" />
        <source>Documents PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="228" />
        <source>Lettre (8 ½ × 11 po)</source>
        <translation>Letter (8½ × 11 in)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="229" />
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="230" />
        <source>&amp;Format de page :</source>
        <translation>Page &amp;size:</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="231" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="232" />
        <source>&amp;Produire le rapport</source>
        <translation>&amp;Produce the report</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="233" />
        <source>&amp;Projet :</source>
        <translation>&amp;Project:</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="234" />
        <source>Inclure les &amp;noms des participants</source>
        <translation>Include the participants' &amp;names</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="235" />
        <source>Production du rapport</source>
        <translation>Producing the report</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="236" />
        <source>L'impression a été interrompue par l'imprimante.</source>
        <translation>Printing was interrupted by the printer.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="237" />
        <source>Aperçu — {title}</source>
        <translation>Preview — {title}</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="238" />
        <source>{n} page(s)</source>
        <translation>{n} page(s)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="239" />
        <source>Enregistré : {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="240" />
        <source>&amp;Visite :</source>
        <translation>&amp;Visit:</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="241" />
        <source>Choisissez un projet.</source>
        <translation>Choose a project.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="242" />
        <source>Aucune visite à imprimer : enregistrez d'abord une visite.</source>
        <translation>No visit to print: save a visit first.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="243" />
        <source>Toutes les régions</source>
        <translation>All regions</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="244" />
        <source>&amp;Région :</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="245" />
        <source>&amp;Du :</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="246" />
        <source>&amp;Au :</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="247" />
        <source>&amp;Année :</source>
        <translation>&amp;Year:</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../coordinator_app/ui/status.py" line="33" />
        <source>Jamais synchronisé</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/status.py" line="41" />
        <source>Dernière synchronisation : {when}</source>
        <translation>Last sync: {when}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/status.py" line="93" />
        <source>Connexion inconnue</source>
        <translation>Connection unknown</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/status.py" line="95" />
        <source>En ligne</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/status.py" line="97" />
        <source>Hors ligne</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/status.py" line="113" />
        <source>Aucune modification à synchroniser</source>
        <translation>No changes waiting to sync</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/status.py" line="115" />
        <source>1 modification à synchroniser</source>
        <translation>1 change waiting to sync</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/status.py" line="117" />
        <source>{count} modifications à synchroniser</source>
        <translation>{count} changes waiting to sync</translation>
    </message>
</context>
<context>
    <name>SuivisPage</name>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="69" />
        <source>Suivis</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="72" />
        <source>A&amp;fficher</source>
        <translation>S&amp;how</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="73" />
        <source>Quels suivis afficher</source>
        <translation>Which follow-ups to show</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="82" />
        <source>Dus et en retard</source>
        <translation>Due and overdue</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="83" />
        <source>En retard</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="84" />
        <source>Tous les suivis ouverts</source>
        <translation>All open follow-ups</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="85" />
        <source>Faits</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="86" />
        <source>Tous</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="110" />
        <source>1 suivi</source>
        <translation>1 follow-up</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="111" />
        <source>{count} suivis</source>
        <translation>{count} follow-ups</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="128" />
        <source>Enregistrement</source>
        <translation>Saving</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <location filename="generated_strings.py" line="248" />
        <source>(vide)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="249" />
        <source>Synchronisé : {sent} envoyées, {received} reçues, {merged} fusionnées, {conflicts} en conflit.</source>
        <translation>Synced: {sent} sent, {received} received, {merged} merged, {conflicts} in conflict.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="250" />
        <source>supprimé</source>
        <translation>deleted</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="251" />
        <source>gardé</source>
        <translation>kept</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="252" />
        <source>Garder la mienne</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="253" />
        <source>Garder l'autre</source>
        <translation>Keep the other</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="254" />
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="255" />
        <source>Renvoyer</source>
        <translation>Send again</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="256" />
        <source>Abandonner</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="257" />
        <source>Aucun conflit à résoudre.</source>
        <translation>No conflicts to resolve.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="258" />
        <source>La mienne</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="259" />
        <source>Valeur retenue</source>
        <translation>Value kept</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="260" />
        <source>L'autre</source>
        <translation>The other</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="261" />
        <source>Modifier la valeur</source>
        <translation>Edit the value</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="262" />
        <source>Connexion au serveur</source>
        <translation>Server connection</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="263" />
        <source>facultatif : autorité de certification (PEM)</source>
        <translation>optional: certificate authority (PEM)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="264" />
        <source>Parcourir…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="265" />
        <source>Adresse du serveur</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="266" />
        <source>Nom d'utilisateur</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="267" />
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="268" />
        <source>Certificat de l'organisation</source>
        <translation>Organisation's certificate</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="269" />
        <source>Se connecter</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="270" />
        <source>Certificats (*.pem *.crt)</source>
        <translation>Certificates (*.pem *.crt)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="271" />
        <source>Connexion en cours…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="272" />
        <source>Revenir à une copie de sécurité</source>
        <translation>Go back to a backup copy</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="273" />
        <source>Le profil reviendra à l'état choisi. Les modifications faites depuis, si elles ont été synchronisées, reviendront du serveur à la prochaine synchronisation.</source>
        <translation>The profile will go back to the chosen state. Changes made since then, if they were synced, will come back from the server at the next sync.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="274" />
        <source>Restaurer</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="275" />
        <source>Synchroniser</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="276" />
        <source>Connexion au serveur…</source>
        <translation>Server connection…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="277" />
        <source>Revenir à une copie de sécurité…</source>
        <translation>Go back to a backup copy…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="278" />
        <source>Synchronisation en cours…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="279" />
        <source>Profil effacé</source>
        <translation>Profile erased</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="296" />
        <source>Le serveur a signalé cet ordinateur comme perdu : le profil local a été effacé. L'application va se fermer.</source>
        <translation>The server reported this computer as lost: the local profile was erased. The application will close.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="280" />
        <source>Profil restauré depuis la copie de sécurité.</source>
        <translation>Profile restored from the backup copy.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="281" />
        <source>Synchronisation interrompue : {error}</source>
        <translation>Sync interrupted: {error}</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="282" />
        <source>Mauvais mot de passe.</source>
        <translation>Wrong password.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="283" />
        <source>Certificat non reconnu : connexion refusée.</source>
        <translation>Certificate not recognised: connection refused.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="284" />
        <source>Serveur injoignable : vos modifications attendent.</source>
        <translation>Server unreachable: your changes are waiting.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="285" />
        <source>Connexion interrompue : rien n'est perdu, réessayez.</source>
        <translation>Connection interrupted: nothing is lost, try again.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="286" />
        <source>Application trop ancienne : mettez-la à jour.</source>
        <translation>Application too old: update it.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="287" />
        <source>Accès refusé par le serveur.</source>
        <translation>Access denied by the server.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="288" />
        <source>Accès refusé : reconnectez-vous au serveur.</source>
        <translation>Access denied: sign in to the server again.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="289" />
        <source>Pas de serveur : connectez-vous d'abord.</source>
        <translation>No server: sign in first.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="290" />
        <source>Profil de démonstration : jamais synchronisé.</source>
        <translation>Demo profile: never synced.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="291" />
        <source>&lt;b&gt;Conflits&lt;/b&gt;</source>
        <translation>&lt;b&gt;Conflicts&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="292" />
        <source>&lt;b&gt;Modifications refusées par le serveur&lt;/b&gt;</source>
        <translation>&lt;b&gt;Changes refused by the server&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="293" />
        <source>Connexion</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="294" />
        <source>Synchronisation</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="295" />
        <source>{n} refusées par le serveur.</source>
        <translation>{n} refused by the server.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="297" />
        <source>par {author}, le {at}</source>
        <translation>by {author}, on {at}</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="298" />
        <source>Avant la synchronisation du {when}</source>
        <translation>Before the sync of {when}</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../coordinator_app/ui/tasks.py" line="186" />
        <source>Traitement en cours</source>
        <extracomment>How long work may run before a progress dialog appears (Anki waits about as long).</extracomment>
        <translation>Working</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tasks.py" line="187" />
        <source>Progression</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tasks.py" line="193" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>VisitEditor</name>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="79" />
        <source>Joindre des photos ou des fichiers</source>
        <translation>Attach photos or files</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="81" />
        <source>Photos et documents (*.jpg *.jpeg *.png *.heic *.pdf *.docx *.xlsx *.txt);;Tous les fichiers (*)</source>
        <translation>Photos and documents (*.jpg *.jpeg *.png *.heic *.pdf *.docx *.xlsx *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="300" />
        <source>Visite du {0} — {1}</source>
        <translation>Visit of {0} — {1}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="303" />
        <source>Nouvelle visite — {0}</source>
        <translation>New visit — {0}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="347" />
        <source>Enregistrer la visite (Ctrl+S)</source>
        <translation>Save the visit (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="348" />
        <source>Enregistrer la visite</source>
        <translation>Save the visit</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="349" />
        <source>Annuler (Échap)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="350" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="377" />
        <source>Suivis (actions à faire)</source>
        <translation>Follow-ups (actions to do)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="386" />
        <source>Ajouter un suivi (Ctrl+Maj+A)</source>
        <translation>Add a follow-up (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="387" />
        <source>Ajouter un suivi</source>
        <translation>Add a follow-up</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="393" />
        <source>Retirer le suivi</source>
        <translation>Remove the follow-up</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="393" />
        <source>Retirer le suivi (Ctrl+Suppr)</source>
        <translation>Remove the follow-up (Ctrl+Del)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="405" />
        <source>Photos et pièces jointes</source>
        <translation>Photos and attachments</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="410" />
        <source>Joindre des fichiers… (Ctrl+J)</source>
        <translation>Attach files… (Ctrl+J)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="411" />
        <source>Joindre des fichiers</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="416" />
        <source>Retirer la pièce jointe (Suppr)</source>
        <translation>Remove the attachment (Del)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="417" />
        <source>Retirer la pièce jointe</source>
        <translation>Remove the attachment</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="529" />
        <source>Copie des pièces jointes…</source>
        <translation>Copying attachments…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="565" />
        <source>Copie des pièces jointes en cours : enregistrez dans un instant.</source>
        <translation>Attachments are still being copied: save again in a moment.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="635" />
        <source>Suivi {0} — {1} : {2}</source>
        <translation>Follow-up {0} — {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="641" />
        <source>Rien n'a été enregistré : {0} problème(s) à corriger (en rouge).</source>
        <translation>Nothing was saved: {0} problem(s) to correct (in red).</translation>
    </message>
</context>
<context>
    <name>VisitListPage</name>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="45" />
        <source>Visites</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="49" />
        <source>1 visite</source>
        <translation>1 visit</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="50" />
        <source>{count} visites</source>
        <translation>{count} visits</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../coordinator_app/ui/welcome.py" line="72" />
        <source>Bienvenue dans Carnet COOP</source>
        <translation>Welcome to Carnet COOP</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/welcome.py" line="75" />
        <source>Ce profil est vide. Chargez les données de démonstration pour découvrir l'application, connectez-vous au serveur du CQCM pour recevoir les projets de vos régions, ou commencez sans données.</source>
        <translation>This profile is empty. Load the demo data to discover the application, connect to the CQCM server to receive the projects of your regions, or start without data.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/welcome.py" line="80" />
        <source>Charger les données de &amp;démonstration</source>
        <translation>Load the &amp;demo data</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/welcome.py" line="81" />
        <source>Se connecter au &amp;serveur</source>
        <translation>Connect to the &amp;server</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/welcome.py" line="82" />
        <source>&amp;Commencer sans données</source>
        <translation>&amp;Start without data</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/welcome.py" line="83" />
        <source>Logo de Carnet COOP</source>
        <translation>Carnet COOP logo</translation>
    </message>
</context>
<context>
    <name>domain</name>
    <message>
        <location filename="generated_strings.py" line="6" />
        <source>Municipalité</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="7" />
        <source>Municipalités</source>
        <translation>Municipalities</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="8" />
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="9" />
        <source>Région</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="10" />
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="11" />
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="12" />
        <source>Type d'organisation</source>
        <translation>Organisation type</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="13" />
        <source>École</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="14" />
        <source>Caisse Desjardins</source>
        <translation>Desjardins credit union</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="15" />
        <source>Carrefour jeunesse-emploi</source>
        <translation>Youth employment centre (CJE)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="16" />
        <source>Coopérative de développement régional</source>
        <translation>Regional development co-op</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="17" />
        <source>Bailleur de fonds</source>
        <translation>Funder</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="18" />
        <source>Autre</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="19" />
        <source>Courriel</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="20" />
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="21" />
        <source>Code postal</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="22" />
        <source>Écoles</source>
        <translation>Schools</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="23" />
        <source>Centre de services scolaire</source>
        <translation>School service centre</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="24" />
        <source>Coordonnateur ou coordonnatrice</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="25" />
        <source>Coordonnateurs</source>
        <translation>Coordinators</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="26" />
        <source>Régions</source>
        <translation>Regions</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="27" />
        <source>Projet</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="28" />
        <source>Projets</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="29" />
        <source>Nom du projet</source>
        <translation>Project name</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="30" />
        <source>Programme</source>
        <translation>Program</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="31" />
        <source>CIEC — COOP d'initiation à l'entrepreneuriat collectif</source>
        <translation>CIEC — youth summer co-op</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="32" />
        <source>Jeune COOP</source>
        <translation>Jeune COOP</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="33" />
        <source>Coopérative agricole (PSES)</source>
        <translation>Farm co-op (PSES)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="34" />
        <source>Partenaires</source>
        <translation>Partners</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="35" />
        <source>Étape</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="36" />
        <source>Comité local formé</source>
        <translation>Local committee formed</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="37" />
        <source>Coordonnateurs embauchés</source>
        <translation>Coordinators hired</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="38" />
        <source>Recrutement dans les écoles</source>
        <translation>Recruitment in schools</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="39" />
        <source>Formation et assemblée générale</source>
        <translation>Training and general assembly</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="40" />
        <source>Ouverture</source>
        <translation>Opening</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="41" />
        <source>En activité — suivi</source>
        <translation>Active — follow-up</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="42" />
        <source>Fermeture</source>
        <translation>Closing</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="43" />
        <source>Bilan de fin d'année</source>
        <translation>End-of-year review</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="44" />
        <source>Démarrage</source>
        <translation>Start-up</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="45" />
        <source>Assemblée et élection du conseil</source>
        <translation>Assembly and board election</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="46" />
        <source>Terminée</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="47" />
        <source>Idée — groupe précoopératif</source>
        <translation>Idea — pre-co-operative group</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="48" />
        <source>Comité provisoire</source>
        <translation>Provisional committee</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="49" />
        <source>Étude de viabilité et plan d'affaires</source>
        <translation>Viability study and business plan</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="50" />
        <source>Règlements</source>
        <translation>By-laws</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="51" />
        <source>Constitution</source>
        <translation>Incorporation</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="52" />
        <source>Assemblée d'organisation</source>
        <translation>Organisation meeting</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="53" />
        <source>Fermée</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="54" />
        <source>Historique des étapes</source>
        <translation>Stage history</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="55" />
        <source>Date de début</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="56" />
        <source>Date de fin</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="57" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="58" />
        <source>Année</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="59" />
        <source>Nombre de jeunes</source>
        <translation>Number of youth</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="60" />
        <source>Comité local</source>
        <translation>Local committee</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="61" />
        <source>Services offerts</source>
        <translation>Services offered</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="62" />
        <source>Chiffre d'affaires</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="63" />
        <source>Date de l'assemblée générale</source>
        <translation>General assembly date</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="64" />
        <source>Conseil d'administration</source>
        <translation>Board of directors</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="65" />
        <source>Enseignant ou enseignante responsable</source>
        <translation>Teacher in charge</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="66" />
        <source>Ordre d'enseignement</source>
        <translation>School level</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="67" />
        <source>Primaire</source>
        <translation>Primary</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="68" />
        <source>Secondaire</source>
        <translation>Secondary</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="69" />
        <source>Cégep</source>
        <translation>CEGEP</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="70" />
        <source>Formation professionnelle et technique</source>
        <translation>Vocational and technical training</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="71" />
        <source>Type de projet</source>
        <translation>Project type</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="72" />
        <source>Type de coopérative</source>
        <translation>Co-op type</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="73" />
        <source>Coopérative de producteurs</source>
        <translation>Producers' co-op</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="74" />
        <source>Coopérative de travailleurs</source>
        <translation>Worker co-op</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="75" />
        <source>Coopérative de solidarité</source>
        <translation>Solidarity co-op</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="76" />
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="77" />
        <source>Superficie (ha)</source>
        <translation>Area (ha)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="78" />
        <source>Mode de tenure</source>
        <translation>Land tenure</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="79" />
        <source>Propriétaire</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="80" />
        <source>Location</source>
        <translation>Rental</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="81" />
        <source>Bail à long terme</source>
        <translation>Long-term lease</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="82" />
        <source>Fiducie foncière</source>
        <translation>Land trust</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="83" />
        <source>Nombre de membres</source>
        <translation>Number of members</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="84" />
        <source>Date de constitution</source>
        <translation>Incorporation date</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="85" />
        <source>Date de fermeture</source>
        <translation>Closure date</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="86" />
        <source>Participant ou participante</source>
        <translation>Participant</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="87" />
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="88" />
        <source>Prénom</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="89" />
        <source>Date de naissance</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="90" />
        <source>Niveau scolaire</source>
        <translation>School level</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="91" />
        <source>Consentement donné par</source>
        <translation>Consent given by</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="92" />
        <source>Date du consentement</source>
        <translation>Consent date</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="93" />
        <source>Fins du consentement</source>
        <translation>Purposes of the consent</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="94" />
        <source>Anonymisé</source>
        <translation>Anonymised</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="95" />
        <source>Contrat</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="96" />
        <source>Contrats</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="97" />
        <source>Type de client</source>
        <translation>Client type</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="98" />
        <source>Résidentiel</source>
        <translation>Residential</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="99" />
        <source>Entreprise</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="100" />
        <source>Organisme</source>
        <translation>Non-profit</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="101" />
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="102" />
        <source>Date du contrat</source>
        <translation>Contract date</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="103" />
        <source>Heures</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="104" />
        <source>Montant</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="105" />
        <source>Demande de financement</source>
        <translation>Funding request</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="106" />
        <source>Financement</source>
        <translation>Funding</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="107" />
        <source>Programme de financement</source>
        <translation>Funding program</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="108" />
        <source>Montant demandé</source>
        <translation>Amount requested</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="109" />
        <source>Montant accordé</source>
        <translation>Amount granted</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="110" />
        <source>Montant versé</source>
        <translation>Amount paid</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="111" />
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="112" />
        <source>À déposer</source>
        <translation>To submit</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="113" />
        <source>Déposée</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="114" />
        <source>Accordée</source>
        <translation>Granted</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="115" />
        <source>Refusée</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="116" />
        <source>Versée</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="117" />
        <source>Redditions de comptes dues</source>
        <translation>Reports due</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="118" />
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="119" />
        <source>Visite</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="120" />
        <source>Visites</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="121" />
        <source>Date de la visite</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="122" />
        <source>Lieu</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="123" />
        <source>Type de visite</source>
        <translation>Visit type</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="124" />
        <source>Sur place</source>
        <translation>On site</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="125" />
        <source>À distance</source>
        <translation>Remote</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="126" />
        <source>Coordonnateur</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="127" />
        <source>Personnes présentes</source>
        <translation>People present</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="128" />
        <source>Observations</source>
        <translation>Observations</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="129" />
        <source>Décisions</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="130" />
        <source>Suivi</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="131" />
        <source>Suivis</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="132" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="133" />
        <source>Responsable</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="134" />
        <source>Échéance</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="135" />
        <source>Fait</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="136" />
        <source>Pièce jointe</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="137" />
        <source>Pièces jointes</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="138" />
        <source>Empreinte SHA-256</source>
        <translation>SHA-256 fingerprint</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="139" />
        <source>Nom du fichier</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="140" />
        <source>Type de fichier</source>
        <translation>File type</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="141" />
        <source>Taille (octets)</source>
        <translation>Size (bytes)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="142" />
        <source>Atelier ou webinaire</source>
        <translation>Workshop or webinar</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="143" />
        <source>Ateliers et webinaires</source>
        <translation>Workshops and webinars</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="144" />
        <source>Thème</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="145" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="146" />
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="147" />
        <source>Atelier</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="148" />
        <source>Webinaire</source>
        <translation>Webinar</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="149" />
        <source>Participation</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="150" />
        <source>Communication de renseignements personnels</source>
        <translation>Disclosure of personal information</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="151" />
        <source>Registre des communications</source>
        <translation>Disclosure register</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="152" />
        <source>Date et heure</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="153" />
        <source>Par</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="154" />
        <source>Exportation de participants avec leurs noms</source>
        <translation>Export of participants with their names</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="155" />
        <source>Rapport nominatif</source>
        <translation>Report with names</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="156" />
        <source>Réponse à une demande d'accès</source>
        <translation>Reply to an access request</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="157" />
        <source>Renseignements communiqués</source>
        <translation>Information disclosed</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="158" />
        <source>Participants visés</source>
        <translation>Participants concerned</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="159" />
        <source>Destinataire</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="160" />
        <source>Fin</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="161" />
        <source>CIEC</source>
        <translation>CIEC</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="162" />
        <source>Coopérative agricole</source>
        <translation>Farm co-op</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="163" />
        <source>Contrats en cours</source>
        <translation>Contracts under way</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="164" />
        <source>Bilan financier et dissolution</source>
        <translation>Financial wrap-up and dissolution</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="165" />
        <source>En activité</source>
        <translation>Active</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <location filename="../../coordinator_app/ui/forms/fields.py" line="108" />
        <source>ex. {0}</source>
        <translation>e.g. {0}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/fields.py" line="168" />
        <source>Une date par ligne (AAAA-MM-JJ)</source>
        <translation>One date per line (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/fields.py" line="170" />
        <source>Un élément par ligne</source>
        <translation>One item per line</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/fields.py" line="238" />
        <source>Effacer la date (Suppr)</source>
        <translation>Clear the date (Del)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/fields.py" line="239" />
        <source>Effacer la date</source>
        <translation>Clear the date</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/fields.py" line="330" />
        <source>— choisir —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/fields.py" line="370" />
        <source>Tapez pour chercher…</source>
        <translation>Type to search…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/fields.py" line="440" />
        <source>Filtrer la liste…</source>
        <translation>Filter the list…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/fields.py" line="442" />
        <source>Filtrer : {0}</source>
        <translation>Filter: {0}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/fields.py" line="494" />
        <source>Choisis : {0}</source>
        <translation>Chosen: {0}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/fields.py" line="496" />
        <source>Aucun choix</source>
        <translation>No choice</translation>
    </message>
</context>
</TS>