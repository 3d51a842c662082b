<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ActionItemsTable</name>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_widgets.py" line="71" />
        <source>Suivis de la visite</source>
        <translation>Visit follow-ups</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_widgets.py" line="74" />
        <source>Le nom d'une personne du CQCM (le suivi devient le sien, dans « Mes suivis »), d'une personne du projet ou d'un partenaire</source>
        <translation>The name of a CQCM staff member (the follow-up becomes theirs, in “My follow-ups”), of a person of the project or of a partner</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_widgets.py" line="96" />
        <source>AAAA-MM-JJ, par exemple 2026-12-15</source>
        <translation>YYYY-MM-DD, for example 2026-12-15</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_widgets.py" line="99" />
        <source>Fait</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>Agenda</name>
    <message>
        <location filename="../../coordinator_app/ui/agenda/labels.py" line="15" />
        <source>Visite</source>
        <extracomment>What an entry is, translated in context « Agenda » (the French of ``domain.agenda``).</extracomment>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/labels.py" line="16" />
        <source>Suivi</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/labels.py" line="17" />
        <source>Reddition de comptes</source>
        <translation>Reporting due</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/labels.py" line="18" />
        <source>Assemblée générale</source>
        <translation>General assembly</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/labels.py" line="21" />
        <source>planifiée</source>
        <translation>planned</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/labels.py" line="22" />
        <source>faite</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/labels.py" line="23" />
        <source>à reporter</source>
        <translation>to reschedule</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/labels.py" line="24" />
        <source>à faire</source>
        <translation>to do</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/labels.py" line="25" />
        <source>en retard</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/labels.py" line="37" />
        <source>Suivi :</source>
        <translation>Follow-up:</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/labels.py" line="38" />
        <source>Reddition :</source>
        <translation>Reporting:</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/labels.py" line="39" />
        <source>AG :</source>
        <translation>GA:</translation>
    </message>
</context>
<context>
    <name>AgendaActions</name>
    <message>
        <location filename="generated_strings.py" line="177" />
        <source>Exporter vers mon calendrier</source>
        <translation>Export to my calendar</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="178" />
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="179" />
        <source>Rappel de l'agenda</source>
        <translation>Agenda reminder</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="180" />
        <source>&amp;Ouvrir l'agenda</source>
        <translation>&amp;Open the agenda</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="181" />
        <source>&amp;Fermer le rappel</source>
        <translation>&amp;Close the reminder</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="182" />
        <source>Exporter vers mon &amp;calendrier…</source>
        <translation>Export to my &amp;calendar…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="183" />
        <source>Calendrier a&amp;bonné (Outlook, Google, Apple)…</source>
        <translation>Su&amp;bscribed calendar (Outlook, Google, Apple)…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="184" />
        <source>&amp;Rappels de l'agenda</source>
        <translation>Agenda &amp;reminders</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="185" />
        <source>1 suivi en retard</source>
        <translation>1 overdue follow-up</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="186" />
        <source>{0} suivis en retard</source>
        <translation>{0} overdue follow-ups</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="187" />
        <source>1 visite demain</source>
        <translation>1 visit tomorrow</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="188" />
        <source>{0} visites demain</source>
        <translation>{0} visits tomorrow</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="189" />
        <source>1 visite à reporter</source>
        <translation>1 visit to reschedule</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="190" />
        <source>{0} visites à reporter</source>
        <translation>{0} visits to reschedule</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="191" />
        <source>Carnet COOP — agenda</source>
        <translation>Carnet COOP — agenda</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="192" />
        <source>Calendrier abonné</source>
        <translation>Subscribed calendar</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="193" />
        <source>1 événement exporté vers {1}</source>
        <translation>1 event exported to {1}</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="194" />
        <source>{0} événements exportés vers {1}</source>
        <translation>{0} events exported to {1}</translation>
    </message>
</context>
<context>
    <name>AgendaPage</name>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="152" />
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="153" />
        <source>‹ &amp;Précédente</source>
        <translation>‹ &amp;Previous</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="154" />
        <source>Période précédente (Alt+←)</source>
        <translation>Previous period (Alt+←)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="155" />
        <source>Aujourd'&amp;hui</source>
        <translation>&amp;Today</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="156" />
        <source>&amp;Suivante ›</source>
        <translation>&amp;Next ›</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="157" />
        <source>Période suivante (Alt+→)</source>
        <translation>Next period (Alt+→)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="160" />
        <source>Semaine</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="161" />
        <source>Mois</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="163" />
        <source>Afficher la semaine ou le mois</source>
        <translation>Show the week or the month</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="174" />
        <source>&amp;Moi seulement</source>
        <translation>&amp;Only me</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="175" />
        <source>Seulement mes visites</source>
        <translation>Only my visits</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="181" />
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="182" />
        <source>Quoi</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="185" />
        <source>Qui (CQCM)</source>
        <translation>Who (CQCM)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="184" />
        <source>Lieu, objet</source>
        <translation>Place, purpose</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="188" />
        <source>Agenda de la semaine</source>
        <translation>Week's agenda</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="189" />
        <source>Agenda du mois</source>
        <translation>Month's agenda</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="192" />
        <source>lun.</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="193" />
        <source>mar.</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="194" />
        <source>mer.</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="195" />
        <source>jeu.</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="196" />
        <source>ven.</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="197" />
        <source>sam.</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="198" />
        <source>dim.</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="201" />
        <source>Planifier une &amp;visite…</source>
        <translation>Plan a &amp;visit…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="202" />
        <source>Re&amp;porter… (Ctrl+Maj+D)</source>
        <translation>Re&amp;schedule… (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="203" />
        <source>Reporter la visite planifiée</source>
        <translation>Reschedule the planned visit</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="204" />
        <source>&amp;Imprimer la semaine…</source>
        <translation>&amp;Print the week…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="280" />
        <source>Semaine du {0} au {1}</source>
        <translation>Week of {0} to {1}</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="197" />
        <source>Rien de prévu</source>
        <translation>Nothing planned</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="195" />
        <source>Journée</source>
        <translation>All day</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="196" />
        <source>… et {0} autres</source>
        <translation>… and {0} more</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="301" />
        <source>1 visite planifiée</source>
        <translation>1 planned visit</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="303" />
        <source>{0} visites planifiées</source>
        <translation>{0} planned visits</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="304" />
        <source>{0} à reporter</source>
        <translation>{0} to reschedule</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="305" />
        <source>1 suivi</source>
        <translation>1 follow-up</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="305" />
        <source>{0} suivis</source>
        <translation>{0} follow-ups</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="306" />
        <source>1 date de projet</source>
        <translation>1 project date</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="308" />
        <source>{0} dates de projet</source>
        <translation>{0} project dates</translation>
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
        <location filename="../../coordinator_app/ui/forms/visit_widgets.py" line="171" />
        <source>Pièces jointes de la visite</source>
        <translation>Visit attachments</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="91" />
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="92" />
        <source>Région</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="94" />
        <source>Municipalité</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="96" />
        <location filename="../../coordinator_app/ui/lists/columns.py" line="132" />
        <source>Étape</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="97" />
        <source>Année</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="100" />
        <source>Coordonnateurs</source>
        <translation>Coordinators</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="113" />
        <location filename="../../coordinator_app/ui/lists/columns.py" line="124" />
        <source>Jeunes</source>
        <translation>Youth</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="135" />
        <source>Constitution</source>
        <translation>Incorporation</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="139" />
        <location filename="../../coordinator_app/ui/lists/columns.py" line="158" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="142" />
        <source>Membres</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="152" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="178" />
        <location filename="../../coordinator_app/ui/lists/columns.py" line="154" />
        <location filename="../../coordinator_app/ui/lists/columns.py" line="179" />
        <source>Projet</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="157" />
        <source>Lieu</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="161" />
        <source>Visite faite par</source>
        <translation>Visit made by</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="167" />
        <source>Observations</source>
        <translation>Observations</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="174" />
        <location filename="../../coordinator_app/ui/lists/model.py" line="257" />
        <source>Fait</source>
        <extracomment>The roles ``RecordTableModel.data`` answers. Wait this long after a page landed before counting all the matches (see ``reload``).</extracomment>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="175" />
        <source>Échéance</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="176" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/columns.py" line="177" />
        <source>Responsable</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/model.py" line="258" />
        <source>À faire</source>
        <translation>To do</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../coordinator_app/ui/conflicts_page.py" line="63" />
        <source>Aucun conflit de synchronisation. Les conflits apparaîtront ici après une synchronisation avec le serveur.</source>
        <translation>No sync conflicts. Conflicts will appear here after a sync with the server.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="157" />
        <source>Tableau de bord</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="158" />
        <source>&amp;Région</source>
        <translation>&amp;Region</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="159" />
        <source>&amp;Année</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="160" />
        <source>Région des indicateurs</source>
        <translation>Region of the indicators</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="161" />
        <source>Année des indicateurs</source>
        <translation>Year of the indicators</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="162" />
        <source>Jeune COOP</source>
        <translation>Jeune COOP</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="163" />
        <source>CIEC</source>
        <translation>CIEC</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="164" />
        <source>Coopératives agricoles : survie</source>
        <translation>Farm co-ops: survival</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="169" />
        <location filename="../../coordinator_app/ui/dashboard.py" line="314" />
        <source>Coopératives agricoles fondées par année</source>
        <translation>Farm co-ops founded per year</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="170" />
        <source>Suivis en retard</source>
        <translation>Overdue follow-ups</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="189" />
        <source>Toutes les régions</source>
        <translation>All regions</translation>
    </message>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/dashboard.py" line="250" />
        <source>%n coopérative(s)</source>
        <translation>
            <numerusform>%n co-op</numerusform>
            <numerusform>%n co-ops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/dashboard.py" line="254" />
        <location filename="../../coordinator_app/ui/dashboard.py" line="273" />
        <source>%n jeune(s)</source>
        <translation>
            <numerusform>%n youth</numerusform>
            <numerusform>%n youth</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/dashboard.py" line="258" />
        <source>%n école(s)</source>
        <translation>
            <numerusform>%n school</numerusform>
            <numerusform>%n schools</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/dashboard.py" line="264" />
        <source>%n région(s)</source>
        <translation>
            <numerusform>%n region</numerusform>
            <numerusform>%n regions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/dashboard.py" line="267" />
        <source>%n projet(s)</source>
        <translation>
            <numerusform>%n project</numerusform>
            <numerusform>%n projects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/dashboard.py" line="271" />
        <source>%n coordonnateur(s)</source>
        <translation>
            <numerusform>%n coordinator</numerusform>
            <numerusform>%n coordinators</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/dashboard.py" line="291" />
        <source>sur %n fondée(s)</source>
        <translation>
            <numerusform>of %n founded</numerusform>
            <numerusform>of %n founded</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="282" />
        <source>actives après 5 ans</source>
        <translation>active after 5 years</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="288" />
        <source>actives après 10 ans</source>
        <translation>active after 10 years</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="307" />
        <source>Suivis en retard ({count})</source>
        <translation>Overdue follow-ups ({count})</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="303" />
        <source>Suivis en retard : aucun</source>
        <translation>Overdue follow-ups: none</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="318" />
        <source>Fondées</source>
        <translation>Founded</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/dashboard.py" line="336" />
        <source>Année de fondation ({first} à {last})</source>
        <translation>Year founded ({first} to {last})</translation>
    </message>
</context>
<context>
    <name>DiscardBanner</name>
    <message>
        <location filename="../../coordinator_app/ui/forms/draft_keeper.py" line="175" />
        <source>Abandonner la saisie ?</source>
        <translation>Discard the entry?</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/draft_keeper.py" line="176" />
        <source>&amp;Abandonner (Échap)</source>
        <translation>&amp;Discard (Esc)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/draft_keeper.py" line="177" />
        <source>&amp;Continuer la saisie</source>
        <translation>&amp;Keep editing</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/draft_keeper.py" line="178" />
        <source>Abandonner la saisie</source>
        <translation>Discard the entry</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/draft_keeper.py" line="179" />
        <source>Continuer la saisie</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/draft_keeper.py" line="182" />
        <source>Abandonner ce que vous avez tapé ? Rien ne sera enregistré.</source>
        <translation>Discard what you typed? Nothing will be saved.</translation>
    </message>
</context>
<context>
    <name>DraftBanner</name>
    <message>
        <location filename="../../coordinator_app/ui/forms/draft_keeper.py" line="149" />
        <source>Brouillon non enregistré</source>
        <translation>Unsaved draft</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/draft_keeper.py" line="150" />
        <source>&amp;Oui</source>
        <translation>&amp;Yes</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/draft_keeper.py" line="151" />
        <source>&amp;Non</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/draft_keeper.py" line="152" />
        <source>Oui, reprendre le brouillon</source>
        <translation>Yes, resume the draft</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/draft_keeper.py" line="153" />
        <source>Non, oublier le brouillon</source>
        <translation>No, discard the draft</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/draft_keeper.py" line="164" />
        <source>Un brouillon non enregistré de ce formulaire a été conservé ({0}). Reprendre le brouillon ?</source>
        <translation>An unsaved draft of this form was kept ({0}). Resume the draft?</translation>
    </message>
</context>
<context>
    <name>EntityForm</name>
    <message>
        <location filename="../../coordinator_app/ui/forms/entity_form.py" line="112" />
        <source>Fiche</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/entity_form.py" line="115" />
        <source>Historique des modifications</source>
        <translation>Change history</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/entity_form.py" line="119" />
        <source>Enregistrer (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/entity_form.py" line="120" />
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/entity_form.py" line="121" />
        <source>Annuler (Échap)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/entity_form.py" line="122" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/entity_form.py" line="168" />
        <location filename="../../coordinator_app/ui/forms/entity_form.py" line="178" />
        <source>{0} : {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/entity_form.py" line="170" />
        <source>{0} — nouvelle fiche</source>
        <translation>{0} — new record</translation>
    </message>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/forms/entity_form.py" line="260" />
        <source>Rien n'a été enregistré : %n problème(s) à corriger (en rouge).</source>
        <translation>
            <numerusform>Nothing was saved: %n problem to fix (in red).</numerusform>
            <numerusform>Nothing was saved: %n problems to fix (in red).</numerusform>
        </translation>
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
    <name>ExportCalendarDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="134" />
        <source>Exporter vers mon calendrier</source>
        <translation>Export to my calendar</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="138" />
        <source>Un fichier .ics (iCalendar) à ouvrir dans Outlook, Google Agenda ou Calendrier d'Apple : visites planifiées, suivis à faire et redditions de comptes. Importer un fichier plus récent met les événements à jour sans les doubler. Aucun nom de participant n'y figure.</source>
        <translation>An .ics (iCalendar) file to open in Outlook, Google Calendar or Apple Calendar: planned visits, follow-ups to do and reporting dates. Importing a newer file updates the events without duplicating them. No participant's name is in it.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="157" />
        <source>&amp;Mes visites seulement</source>
        <translation>&amp;Only my visits</translation>
    </message>
</context>
<context>
    <name>FeedDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="181" />
        <source>Calendrier abonné (Outlook, Google, Apple)</source>
        <translation>Subscribed calendar (Outlook, Google, Apple)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="186" />
        <source>Une adresse privée que votre calendrier consulte de lui-même : dans Outlook, Ajouter un calendrier › À partir d'Internet, puis collez l'adresse. Elle montre vos visites et les dates des projets de vos régions, à jour à chaque synchronisation. Ne la partagez pas : qui l'a voit votre agenda.</source>
        <translation>A private address your calendar reads by itself: in Outlook, Add calendar › From Internet, then paste the address. It shows your visits and the dates of your regions' projects, up to date at each sync. Do not share it: whoever has it sees your agenda.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="197" />
        <source>Adresse du calendrier abonné</source>
        <translation>Address of the subscribed calendar</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="204" />
        <source>&amp;Créer une nouvelle adresse</source>
        <translation>&amp;Create a new address</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="207" />
        <source>C&amp;opier l'adresse</source>
        <translation>C&amp;opy the address</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="210" />
        <source>&amp;Révoquer</source>
        <translation>&amp;Revoke</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="227" />
        <source>Connexion au serveur…</source>
        <translation>Server connection…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="237" />
        <source>Adresse active.</source>
        <translation>Address active.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="241" />
        <source>Une adresse est active, créée depuis un autre ordinateur : créez-en une nouvelle pour la voir ici (l'ancienne cessera de fonctionner).</source>
        <translation>An address is active, created from another computer: create a new one to see it here (the old one will stop working).</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="246" />
        <source>Aucune adresse active.</source>
        <translation>No active address.</translation>
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
        <location filename="../../coordinator_app/ui/forms/actions.py" line="38" />
        <source>Nouvelle &amp;visite</source>
        <translation>New &amp;visit</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="39" />
        <source>Nouveau &amp;projet…</source>
        <translation>New &amp;project…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="40" />
        <source>Nouveau p&amp;articipant…</source>
        <translation>New p&amp;articipant…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="41" />
        <source>Nouveau &amp;contrat…</source>
        <translation>New &amp;contract…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="42" />
        <source>Nouvelle demande de &amp;financement…</source>
        <translation>New &amp;funding request…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="43" />
        <source>Nouveau &amp;suivi…</source>
        <translation>New &amp;follow-up…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="46" />
        <source>Nouvel a&amp;telier ou webinaire…</source>
        <translation>New &amp;workshop or webinar…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="49" />
        <source>Nouvelle &amp;organisation…</source>
        <translation>New &amp;organisation…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="50" />
        <source>Nouvelle é&amp;cole…</source>
        <translation>New s&amp;chool…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="51" />
        <source>Nouvelle &amp;municipalité…</source>
        <translation>New &amp;municipality…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="54" />
        <source>Nouveau coordonnateur ou coordonnatrice…</source>
        <translation>New coordinator…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="132" />
        <source>Imprimer la fiche du projet…</source>
        <extracomment>The new-record drafts read at install, for the first offer (``install``).</extracomment>
        <translation>Print the project sheet…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="154" />
        <source>Imprimer le compte rendu…</source>
        <translation>Print the visit report…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="196" />
        <source>&amp;Nouveau</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="204" />
        <source>Nouvelle visite (Ctrl+N)</source>
        <translation>New visit (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="205" />
        <source>Nouveau projet (Ctrl+Maj+P)</source>
        <translation>New project (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="230" />
        <source>Aucun projet pour l'instant : créez d'abord un projet (Nouveau projet) ou chargez les données de démonstration.</source>
        <translation>No project yet: first create a project (New project) or load the demo data.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="239" />
        <source>Choisissez d'abord un projet dans une liste (Projets CIEC, Jeune COOP, Coopératives agricoles, Visites ou Suivis).</source>
        <translation>First choose a project in a list (CIEC projects, Jeune COOP, Farm co-ops, Visits or Follow-ups).</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="255" />
        <source>Visite du {when} enregistrée ({project}).</source>
        <translation>Visit of {when} saved ({project}).</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="292" />
        <source>Brouillon non enregistré</source>
        <translation>Unsaved draft</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="294" />
        <source>Un brouillon non enregistré a été conservé : {0}.

Reprendre le brouillon ?</source>
        <translation>An unsaved draft was kept: {0}.

Resume the draft?</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="299" />
        <source>&amp;Oui</source>
        <translation>&amp;Yes</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="300" />
        <source>&amp;Non</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/actions.py" line="301" />
        <source>Reprendre le brouillon ?</source>
        <translation>Resume the draft?</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="52" />
        <source>Quand, qui, quoi</source>
        <translation>When, who, what</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="52" />
        <source>Ancienne valeur</source>
        <translation>Old value</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="52" />
        <source>Nouvelle valeur</source>
        <translation>New value</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="55" />
        <source>Historique des modifications : {0}</source>
        <translation>Change history: {0}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="62" />
        <location filename="../../coordinator_app/ui/forms/history.py" line="63" />
        <location filename="../../coordinator_app/ui/forms/history.py" line="138" />
        <source>Rétablir cette valeur</source>
        <translation>Restore this value</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="64" />
        <source>Remet l'ancienne valeur du champ choisi</source>
        <translation>Puts back the old value of the chosen field</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="76" />
        <source>Création</source>
        <translation>Creation</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="77" />
        <source>Modification</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="78" />
        <source>Suppression</source>
        <translation>Deletion</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="79" />
        <source>Restauration</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="80" />
        <source>Valeur rétablie</source>
        <translation>Value restored</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="87" />
        <source>Auteur inconnu</source>
        <translation>Unknown author</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="90" />
        <source>{0} — {1} — {2}</source>
        <translation>{0} — {1} — {2}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="92" />
        <source> (depuis un autre ordinateur)</source>
        <translation> (from another computer)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="139" />
        <source>Remettre « {value} » dans « {field} » ?</source>
        <translation>Put “{value}” back in “{field}”?</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="143" />
        <source>&amp;Rétablir</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/history.py" line="171" />
        <source>« {field} » rétabli à « {value} ».</source>
        <translation>“{field}” restored to “{value}”.</translation>
    </message>
</context>
<context>
    <name>ImportExport</name>
    <message>
        <location filename="generated_strings.py" line="251" />
        <source>Ligne {0} sur environ {1}</source>
        <translation>Row {0} of about {1}</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="252" />
        <source>Importer des données</source>
        <translation>Import data</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="253" />
        <source>&amp;Fichier (.xlsx, .ods, .csv, .json) :</source>
        <oldsource>&amp;Fichier (.xlsx, .csv, .json) :</oldsource>
        <translation>&amp;File (.xlsx, .ods, .csv, .json):</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="254" />
        <source>&amp;Contenu du fichier :</source>
        <translation>File &amp;contents:</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="199" />
        <source>&amp;Parcourir…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="255" />
        <source>Aperçu des premières lignes</source>
        <translation>Preview of the first rows</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="256" />
        <source>Problèmes à corriger dans le fichier</source>
        <translation>Problems to correct in the file</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="257" />
        <source>&amp;Vérifier</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="202" />
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="258" />
        <source>&amp;Importer</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="259" />
        <source>Fichier à importer</source>
        <translation>File to import</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="260" />
        <source>Type de données du fichier</source>
        <translation>Kind of data in the file</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="261" />
        <source>Aperçu des premières lignes du fichier</source>
        <translation>Preview of the first rows of the file</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="262" />
        <source>Problèmes à corriger</source>
        <translation>Problems to correct</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="263" />
        <source>Choisir le fichier à importer</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="264" />
        <source>Fichiers de données (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv *.txt *.json);;Tous les fichiers (*)</source>
        <oldsource>Fichiers de données (*.xlsx *.csv *.txt *.json);;Tous les fichiers (*)</oldsource>
        <translation>Data files (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv *.txt *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="265" />
        <source>L'opération a échoué.</source>
        <translation>The operation failed.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="198" />
        <source>Exporter des données</source>
        <translation>Export data</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="200" />
        <source>Inclure les noms et dates de naissance des participants (renseignements personnels)</source>
        <translation>Include the participants' names and dates of birth (personal information)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="201" />
        <source>&amp;Exporter</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="203" />
        <source>Exporter vers</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="204" />
        <source>Exportation en cours…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="205" />
        <source>Exporter des renseignements personnels</source>
        <translation>Export personal information</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="206" />
        <source>Le fichier contiendra les noms et dates de naissance des participants. Cette exportation sera inscrite au registre des communications (qui, quand, quoi). Continuer ?</source>
        <translation>The file will contain the participants' names and dates of birth. This export will be recorded in the disclosure register (who, when, what). Continue?</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="276" />
        <source>&amp;Importer…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="166" />
        <location filename="generated_strings.py" line="277" />
        <source>E&amp;xporter…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="278" />
        <source>Importer une liste Excel, LibreOffice (.ods), CSV ou JSON</source>
        <oldsource>Importer une liste Excel (.xlsx), CSV ou JSON</oldsource>
        <translation>Import an Excel, LibreOffice (.ods), CSV or JSON list</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="279" />
        <source>Exporter des données en Excel, CSV ou JSON</source>
        <translation>Export data to Excel, CSV or JSON</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="283" />
        <source>mis à jour</source>
        <translation>updated</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="284" />
        <source>inchangé</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="266" />
        <source>Lecture du fichier</source>
        <translation>Reading the file</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="267" />
        <source>Ligne</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="268" />
        <source>Choisissez d'abord un fichier.</source>
        <translation>First choose a file.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="269" />
        <source>Vérification en cours…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="270" />
        <source>Importation en cours…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="271" />
        <source>Lignes qui correspondent à des éléments existants</source>
        <translation>Rows that match existing records</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="207" />
        <source>&amp;Données :</source>
        <translation>&amp;Data:</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="208" />
        <source>F&amp;ormat :</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="209" />
        <source>&amp;Fichier :</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="210" />
        <source>Choisissez d'abord le fichier à écrire.</source>
        <translation>First choose the file to write.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="212" />
        <source>Exportation</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="280" />
        <source>Colonne</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="281" />
        <source>Valeur</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="282" />
        <source>Problème</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="211" />
        <source>Exportation annulée : rien n'a été écrit.</source>
        <translation>Export cancelled: nothing was written.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="285" />
        <source>Trouvé par</source>
        <translation>Found by</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="286" />
        <source>Élément existant</source>
        <translation>Existing record</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="287" />
        <source>Résultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="272" />
        <source>Colonnes reconnues : {0}.</source>
        <translation>Columns recognised: {0}.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="273" />
        <source>Vérification du fichier</source>
        <translation>Checking the file</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="274" />
        <source>Importation du fichier</source>
        <translation>Importing the file</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="275" />
        <source>Colonnes ignorées : {0}.</source>
        <translation>Columns ignored: {0}.</translation>
    </message>
    <message numerus="yes">
        <location filename="generated_plurals.py" line="8" />
        <source>%n enregistrement(s) exporté(s) dans {path}.</source>
        <translation>
            <numerusform>%n record exported to {path}.</numerusform>
            <numerusform>%n records exported to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="187" />
        <source>Rechercher un nom, une municipalité ou le texte d'une visite (Ctrl+F)</source>
        <translation>Search a name, a municipality or the text of a visit (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="189" />
        <source>Recherche</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="190" />
        <source>&amp;Région</source>
        <translation>&amp;Region</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="191" />
        <source>É&amp;tape</source>
        <translation>S&amp;tage</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="192" />
        <source>&amp;Année</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="193" />
        <source>C&amp;oordonnateur</source>
        <translation>C&amp;oordinator</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="194" />
        <source>Filtrer par région</source>
        <translation>Filter by region</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="195" />
        <source>Filtrer par étape</source>
        <translation>Filter by stage</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="196" />
        <source>Filtrer par année</source>
        <translation>Filter by year</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="197" />
        <source>Filtrer par coordonnateur</source>
        <translation>Filter by coordinator</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="199" />
        <source>Mes &amp;visites</source>
        <translation>My &amp;visits</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="199" />
        <source>Mes &amp;suivis</source>
        <translation>My &amp;follow-ups</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="202" />
        <source>Seulement les visites que vous avez faites</source>
        <translation>Only the visits you made</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="204" />
        <source>Seulement les suivis dont vous êtes responsable</source>
        <translation>Only the follow-ups you own</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="206" />
        <location filename="../../coordinator_app/ui/lists/page.py" line="207" />
        <source>Réinitialiser les filtres</source>
        <translation>Reset the filters</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="169" />
        <location filename="../../coordinator_app/ui/lists/page.py" line="238" />
        <source>Toutes les régions</source>
        <translation>All regions</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="244" />
        <source>Toutes les étapes</source>
        <translation>All stages</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="251" />
        <location filename="../../coordinator_app/ui/lists/page.py" line="276" />
        <source>Toutes les années</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="252" />
        <location filename="../../coordinator_app/ui/lists/page.py" line="281" />
        <source>Tous les coordonnateurs</source>
        <translation>All coordinators</translation>
    </message>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/lists/page.py" line="341" />
        <source>%n résultat(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="346" />
        <source>Plus de {count} résultats</source>
        <translation>More than {count} results</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="360" />
        <source>Aucun résultat pour « {text} ». </source>
        <translation>No result for “{text}”. </translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="362" />
        <source>Aucun résultat avec ces filtres. </source>
        <translation>No result with these filters. </translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="364" />
        <source>Vérifiez l'orthographe ou cliquez sur « Réinitialiser les filtres ».</source>
        <translation>Check the spelling or click “Reset the filters”.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/page.py" line="367" />
        <source>Rien à afficher pour l'instant.</source>
        <translation>Nothing to show yet.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="169" />
        <source>{app} — données de démonstration</source>
        <translation>{app} — demo data</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="176" />
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="177" />
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="178" />
        <source>&amp;Rapports</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="179" />
        <source>&amp;Outils</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="180" />
        <source>&amp;Préférences</source>
        <translation>&amp;Preferences</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="181" />
        <source>Ai&amp;de</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="182" />
        <source>&amp;Langue</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="183" />
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="184" />
        <source>&amp;Rechercher</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="185" />
        <source>&amp;Actualiser</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="186" />
        <source>&amp;Serveur de synchronisation…</source>
        <translation>&amp;Sync server…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="187" />
        <source>À &amp;propos de Carnet COOP</source>
        <translation>&amp;About Carnet COOP</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="188" />
        <source>Barre d'outils</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="189" />
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="194" />
        <source>{page} (Ctrl+{number})</source>
        <translation>{page} (Ctrl+{number})</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="321" />
        <source>Cette fiche ne peut pas encore être ouverte dans cette version.</source>
        <translation>This record cannot be opened in this version yet.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/demo_loading.py" line="24" />
        <source>Chargement des données de démonstration</source>
        <translation>Loading the demo data</translation>
    </message>
    <message numerus="yes">
        <location filename="generated_plurals.py" line="13" />
        <source>Données de démonstration chargées : %n enregistrement(s).</source>
        <translation>
            <numerusform>Demo data loaded: %n record.</numerusform>
            <numerusform>Demo data loaded: %n records.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/about.py" line="32" />
        <source>&lt;b&gt;{name}&lt;/b&gt; {version}&lt;br&gt;Carnet de terrain du personnel du CQCM : projets CIEC, Jeune COOP et coopératives agricoles.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; {version}&lt;br&gt;Field notebook of the CQCM staff: CIEC, Jeune COOP and farm co-op projects.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/demo_loading.py" line="47" />
        <source>Chargement des données de démonstration…</source>
        <translation>Loading the demo data…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/demo_loading.py" line="56" />
        <source>Données de démonstration</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="344" />
        <source>Cette langue n'est pas disponible.</source>
        <translation>This language is not available.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/about.py" line="29" />
        <source>À propos de Carnet COOP</source>
        <translation>About Carnet COOP</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/about.py" line="40" />
        <source>Profil : {path}</source>
        <translation>Profile: {path}</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="254" />
        <source>Reporter la visite</source>
        <translation>Reschedule the visit</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="262" />
        <source>Nouvelle date et heure</source>
        <translation>New date and time</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="263" />
        <source>&amp;Nouvelle date et heure :</source>
        <translation>&amp;New date and time:</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="267" />
        <source>&amp;Reporter</source>
        <translation>&amp;Reschedule</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/person_actions.py" line="82" />
        <location filename="../../coordinator_app/ui/person_actions.py" line="96" />
        <source>Votre nom</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_actions.py" line="87" />
        <source>Votre nom signe vos visites, vos suivis et vos modifications. Il vient de votre compte « {0} » sur le serveur, qui le redonnera à la prochaine connexion.</source>
        <translation>Your name signs your visits, follow-ups and changes. It comes from your account “{0}” on the server, which will give it again at the next sign-in.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_actions.py" line="91" />
        <source>Votre nom signe vos visites, vos suivis et vos modifications.</source>
        <translation>Your name signs your visits, follow-ups and changes.</translation>
    </message>
</context>
<context>
    <name>NamePrompt</name>
    <message>
        <location filename="../../coordinator_app/ui/person_actions.py" line="63" />
        <source>Votre nom signe vos visites et vos modifications. &amp;Votre nom :</source>
        <translation>Your name signs your visits and your changes. &amp;Your name:</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_actions.py" line="65" />
        <source>Votre nom</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_actions.py" line="66" />
        <source>Prénom Nom</source>
        <translation>First Last</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_actions.py" line="67" />
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_actions.py" line="68" />
        <source>Plus tard</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../coordinator_app/ui/window_pages.py" line="24" />
        <source>Tableau de bord</source>
        <extracomment>Navigation entries: (key, French title). Titles are translated when shown.</extracomment>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/window_pages.py" line="25" />
        <source>Projets CIEC</source>
        <translation>CIEC projects</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/window_pages.py" line="26" />
        <source>Jeune COOP</source>
        <translation>Jeune COOP</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/window_pages.py" line="27" />
        <source>Coopératives agricoles</source>
        <translation>Farm co-ops</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/window_pages.py" line="28" />
        <source>Visites</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/window_pages.py" line="29" />
        <source>Suivis</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/window_pages.py" line="30" />
        <source>Conflits</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/window_pages.py" line="31" />
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
</context>
<context>
    <name>OwnerDelegate</name>
    <message>
        <location filename="../../coordinator_app/ui/forms/owner_delegate.py" line="59" />
        <source>Responsable du suivi</source>
        <translation>Follow-up owner</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/owner_delegate.py" line="62" />
        <source>Choisissez une personne du CQCM ou du projet, ou écrivez le nom d'un partenaire</source>
        <translation>Pick someone from the CQCM or the project, or type a partner's name</translation>
    </message>
</context>
<context>
    <name>PersonFeature</name>
    <message>
        <location filename="../../coordinator_app/ui/person_actions.py" line="138" />
        <location filename="../../coordinator_app/ui/person_actions.py" line="141" />
        <source>&amp;Votre nom…</source>
        <translation>&amp;Your name…</translation>
    </message>
</context>
<context>
    <name>PlanVisitDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="52" />
        <source>Planifier une visite</source>
        <translation>Plan a visit</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="72" />
        <source>&amp;Projet :</source>
        <translation>&amp;Project:</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="72" />
        <source>Projet</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="73" />
        <source>&amp;Date et heure :</source>
        <translation>&amp;Date and time:</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="73" />
        <source>Date et heure</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="74" />
        <source>&amp;Lieu :</source>
        <translation>&amp;Place:</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="74" />
        <source>Lieu</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="75" />
        <source>&amp;Objet de la visite :</source>
        <translation>&amp;Purpose of the visit:</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="75" />
        <source>Objet de la visite</source>
        <translation>Purpose of the visit</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="76" />
        <source>&amp;Qui y va (CQCM) :</source>
        <translation>&amp;Who goes (CQCM):</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="76" />
        <source>Qui y va</source>
        <translation>Who goes</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="91" />
        <source>&amp;Planifier</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="100" />
        <source>Choisissez un projet.</source>
        <translation>Choose a project.</translation>
    </message>
</context>
<context>
    <name>ProjectListPage</name>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="30" />
        <source>Projets CIEC</source>
        <translation>CIEC projects</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="31" />
        <source>Jeune COOP</source>
        <translation>Jeune COOP</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="32" />
        <source>Coopératives agricoles</source>
        <translation>Farm co-ops</translation>
    </message>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/lists/pages.py" line="36" />
        <source>%n projet(s)</source>
        <translation>
            <numerusform>%n project</numerusform>
            <numerusform>%n projects</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectPage</name>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="91" />
        <source>Modifier le projet (Ctrl+E)</source>
        <translation>Edit the project (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="94" />
        <source>Nouvelle visite (Ctrl+N)</source>
        <translation>New visit (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="97" />
        <source>Ajouter un participant</source>
        <translation>Add a participant</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="99" />
        <source>Ajouter un contrat</source>
        <translation>Add a contract</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="101" />
        <source>Ajouter une demande de financement</source>
        <translation>Add a funding request</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="70" />
        <source>Sections du projet</source>
        <translation>Project sections</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="143" />
        <source>Aperçu</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="144" />
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="145" />
        <source>Contrats</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="146" />
        <source>Financement</source>
        <translation>Funding</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="147" />
        <source>Visites</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="148" />
        <source>Historique des modifications</source>
        <translation>Change history</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="230" />
        <source>Historique des étapes</source>
        <translation>Stage history</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="237" />
        <source>Étape</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="215" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="239" />
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="240" />
        <source>Date de naissance</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="241" />
        <source>Âge</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="242" />
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="243" />
        <source>Consentement (moins de 14 ans)</source>
        <translation>Consent (under 14)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="231" />
        <source>Participants du projet</source>
        <translation>Project participants</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="216" />
        <source>Type de client</source>
        <translation>Client type</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="217" />
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="218" />
        <source>Heures</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="219" />
        <source>Montant</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="213" />
        <source>Contrats du projet</source>
        <translation>Project contracts</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="220" />
        <source>Bailleur de fonds</source>
        <translation>Funder</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="221" />
        <source>Programme</source>
        <translation>Program</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="222" />
        <source>Demandé</source>
        <translation>Requested</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="223" />
        <source>Accordé</source>
        <translation>Granted</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="224" />
        <source>Versé</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="225" />
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="226" />
        <source>Prochaine reddition de comptes</source>
        <translation>Next report due</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="214" />
        <source>Demandes de financement du projet</source>
        <translation>Project funding requests</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="244" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="245" />
        <source>Lieu</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="246" />
        <source>Suivis ouverts</source>
        <translation>Open follow-ups</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="247" />
        <source>Pièces jointes</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="248" />
        <source>Observations</source>
        <translation>Observations</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="234" />
        <source>Visites du projet, la plus récente en premier</source>
        <translation>Project visits, most recent first</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="235" />
        <source>Ouvrir la visite (Entrée)</source>
        <translation>Open the visit (Enter)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="236" />
        <source>Ouvrir la visite</source>
        <translation>Open the visit</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="199" />
        <source>Année {0}</source>
        <translation>Year {0}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="200" />
        <source>Étape : {0}</source>
        <translation>Stage: {0}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="202" />
        <source>Projet {0}</source>
        <translation>Project {0}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="203" />
        <source>Projet : {0}</source>
        <translation>Project: {0}</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="238" />
        <source>Notes :</source>
        <translation>Notes:</translation>
    </message>
    <message numerus="yes">
        <location filename="generated_plurals.py" line="18" />
        <source>⚠ %n participant(s) de moins de 14 ans sans consentement d'un parent ou tuteur (Loi 25).</source>
        <translation>
            <numerusform>⚠ %n participant under 14 without a parent's or guardian's consent (Law 25).</numerusform>
            <numerusform>⚠ %n participants under 14 without a parent's or guardian's consent (Law 25).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="213" />
        <source>⚠ %n reddition(s) de comptes en retard (onglet Financement).</source>
        <translation>
            <numerusform>⚠ %n overdue report to a funder (Funding tab).</numerusform>
            <numerusform>⚠ %n overdue reports to funders (Funding tab).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="208" />
        <source>Participants ({0})</source>
        <translation>Participants ({0})</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="232" />
        <source>⚠ Consentement manquant</source>
        <translation>⚠ Consent missing</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="249" />
        <source>Donné par {0} ({1})</source>
        <translation>Given by {0} ({1})</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="233" />
        <source>Anonymisé</source>
        <translation>Anonymised</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="229" />
        <source>Non requis (14 ans ou plus)</source>
        <translation>Not required (14 or older)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="227" />
        <source>Total des contrats : {0} · Heures : {1} · Chiffre d'affaires déclaré : {2}</source>
        <translation>Contracts total: {0} · Hours: {1} · Declared revenue: {2}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="210" />
        <source>Contrats ({0})</source>
        <translation>Contracts ({0})</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="228" />
        <source>{0} (en retard : {1})</source>
        <translation>{0} (overdue: {1})</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="217" />
        <source>Financement ({0})</source>
        <translation>Funding ({0})</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="250" />
        <source>Les {0} visites les plus récentes sur {1} sont affichées ; la page Visites de la fenêtre principale les montre toutes.</source>
        <translation>The {0} most recent visits of {1} are shown; the Visits page of the main window shows them all.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="219" />
        <source>Visites ({0})</source>
        <translation>Visits ({0})</translation>
    </message>
</context>
<context>
    <name>RefusedIncoming</name>
    <message>
        <location filename="generated_strings.py" line="288" />
        <source>Cette modification vient du serveur, mais cet ordinateur ne peut pas l'enregistrer. Le reste de la synchronisation a été appliqué. Signalez-la à la personne qui administre le serveur, puis retirez-la de la liste.</source>
        <translation>This change comes from the server, but this computer cannot save it. The rest of the sync was applied. Report it to whoever administers the server, then remove it from the list.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="289" />
        <source>Modification reçue refusée</source>
        <translation>Received change refused</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="290" />
        <source>de {author}, le {at}</source>
        <translation>from {author}, on {at}</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="291" />
        <source>&lt;b&gt;Modifications reçues refusées&lt;/b&gt;</source>
        <translation>&lt;b&gt;Received changes refused&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="292" />
        <source>Reçues du serveur mais impossibles à enregistrer sur cet ordinateur ; le reste a été synchronisé.</source>
        <translation>Received from the server but impossible to save on this computer; everything else was synced.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="293" />
        <source>Modifications reçues refusées</source>
        <translation>Received changes refused</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="294" />
        <source>Retirer de la liste</source>
        <translation>Remove from the list</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message numerus="yes">
        <location filename="generated_plurals.py" line="23" />
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="generated_strings.py" line="296" />
        <source>Le rapport à imprimer est vide.</source>
        <translation>The report to print is empty.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="297" />
        <source>L'imprimante n'a pas pu être ouverte : vérifiez son état et réessayez.</source>
        <translation>The printer could not be opened: check it and try again.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="298" />
        <source>Aperçu du rapport</source>
        <translation>Report preview</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="299" />
        <source>&amp;Imprimer…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="300" />
        <source>&amp;Enregistrer en PDF…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="301" />
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="302" />
        <source>Imprimer le rapport</source>
        <translation>Print the report</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="303" />
        <source>Enregistrer le rapport en PDF</source>
        <translation>Save the report as PDF</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="304" />
        <source>Documents PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="305" />
        <source>Lettre (8 ½ × 11 po)</source>
        <translation>Letter (8½ × 11 in)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="306" />
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="307" />
        <source>&amp;Format de page :</source>
        <translation>Page &amp;size:</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="308" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="309" />
        <source>&amp;Produire le rapport</source>
        <translation>&amp;Produce the report</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="310" />
        <source>&amp;Projet :</source>
        <translation>&amp;Project:</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="311" />
        <source>Inclure les &amp;noms des participants</source>
        <translation>Include the participants' &amp;names</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="295" />
        <source>Production du rapport</source>
        <translation>Producing the report</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="312" />
        <source>L'impression a été interrompue par l'imprimante.</source>
        <translation>Printing was interrupted by the printer.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="313" />
        <source>Aperçu — {title}</source>
        <translation>Preview — {title}</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="314" />
        <source>Enregistré : {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="315" />
        <source>&amp;Visite :</source>
        <translation>&amp;Visit:</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="316" />
        <source>Choisissez un projet.</source>
        <translation>Choose a project.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="317" />
        <source>Aucune visite à imprimer : enregistrez d'abord une visite.</source>
        <translation>No visit to print: save a visit first.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="318" />
        <source>Toutes les régions</source>
        <translation>All regions</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/page.py" line="165" />
        <location filename="generated_strings.py" line="319" />
        <source>&amp;Région :</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="155" />
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="158" />
        <location filename="generated_strings.py" line="320" />
        <source>&amp;Du :</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="156" />
        <location filename="../../coordinator_app/ui/agenda/dialogs.py" line="159" />
        <location filename="generated_strings.py" line="321" />
        <source>&amp;Au :</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="322" />
        <source>&amp;Année :</source>
        <translation>&amp;Year:</translation>
    </message>
</context>
<context>
    <name>StaffEditor</name>
    <message>
        <location filename="../../coordinator_app/ui/forms/staff.py" line="24" />
        <source>Les personnes du CQCM qui ont fait la visite (vous par défaut)</source>
        <translation>The CQCM staff who made the visit (you by default)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/staff.py" line="36" />
        <source>{0} — vous</source>
        <translation>{0} — you</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../coordinator_app/ui/status.py" line="38" />
        <source>Jamais synchronisé</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/status.py" line="46" />
        <source>Dernière synchronisation : {when}</source>
        <translation>Last sync: {when}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/status.py" line="100" />
        <source>Connexion inconnue</source>
        <translation>Connection unknown</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/status.py" line="102" />
        <source>En ligne</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/status.py" line="104" />
        <source>Hors ligne</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/status.py" line="151" />
        <source>Aucune modification à synchroniser</source>
        <translation>No changes waiting to sync</translation>
    </message>
    <message numerus="yes">
        <location filename="generated_plurals.py" line="28" />
        <source>%n modification(s) à synchroniser</source>
        <translation>
            <numerusform>%n change waiting to sync</numerusform>
            <numerusform>%n changes waiting to sync</numerusform>
        </translation>
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
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/lists/pages.py" line="110" />
        <source>%n suivi(s)</source>
        <translation>
            <numerusform>%n follow-up</numerusform>
            <numerusform>%n follow-ups</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="155" />
        <source>Suivi « {text} » marqué fait.</source>
        <translation>Follow-up “{text}” marked done.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="157" />
        <source>Suivi « {text} » rouvert.</source>
        <translation>Follow-up “{text}” reopened.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="175" />
        <source>Enregistrement</source>
        <translation>Saving</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <location filename="generated_strings.py" line="363" />
        <source>(vide)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="364" />
        <source>Synchronisé : {sent} envoyées, {received} reçues, {merged} fusionnées, {conflicts} en conflit.</source>
        <translation>Synced: {sent} sent, {received} received, {merged} merged, {conflicts} in conflict.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="365" />
        <source>supprimé</source>
        <translation>deleted</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="366" />
        <source>gardé</source>
        <translation>kept</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="333" />
        <source>Garder la mienne</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="334" />
        <source>Garder l'autre</source>
        <translation>Keep the other</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="335" />
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="336" />
        <source>Renvoyer</source>
        <translation>Send again</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="337" />
        <source>Abandonner</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="338" />
        <source>Aucun conflit à résoudre.</source>
        <translation>No conflicts to resolve.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="341" />
        <source>La mienne</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="342" />
        <source>Valeur retenue</source>
        <translation>Value kept</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="343" />
        <source>L'autre</source>
        <translation>The other</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="344" />
        <source>Modifier la valeur</source>
        <translation>Edit the value</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="346" />
        <source>Connexion au serveur</source>
        <translation>Server connection</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="350" />
        <source>Parcourir…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="351" />
        <source>Adresse du serveur</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="352" />
        <source>Nom d'utilisateur</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="353" />
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="348" />
        <source>Certificat de l'organisation</source>
        <translation>Organisation's certificate</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="347" />
        <source>facultatif</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="349" />
        <source>Facultatif : autorité de certification de l'organisation (PEM)</source>
        <translation>Optional: the organisation's certificate authority (PEM)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="354" />
        <source>Se connecter</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="355" />
        <source>Certificats (*.pem *.crt)</source>
        <translation>Certificates (*.pem *.crt)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="356" />
        <source>Connexion en cours…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="357" />
        <source>Revenir à une copie de sécurité</source>
        <translation>Go back to a backup copy</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="358" />
        <source>Le profil reviendra à l'état choisi. Les modifications faites depuis, si elles ont été synchronisées, reviendront du serveur à la prochaine synchronisation.</source>
        <translation>The profile will go back to the chosen state. Changes made since then, if they were synced, will come back from the server at the next sync.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="359" />
        <source>Restaurer</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="360" />
        <source>Aucune copie de sécurité pour l'instant : une copie est prise avant chaque synchronisation avec le serveur.</source>
        <translation>No backup copy yet: one is taken before each sync with the server.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="323" />
        <source>Synchroniser</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="324" />
        <source>Connexion au serveur…</source>
        <translation>Server connection…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="325" />
        <source>Revenir à une copie de sécurité…</source>
        <translation>Go back to a backup copy…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="326" />
        <source>Synchronisation en cours…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="327" />
        <source>Profil effacé</source>
        <translation>Profile erased</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="377" />
        <source>{n} reçues refusées (voir Conflits).</source>
        <translation>{n} received but refused (see Conflicts).</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="331" />
        <source>Synchroniser ({key})</source>
        <translation>Sync ({key})</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="332" />
        <source>Le serveur a signalé cet ordinateur comme perdu : le profil local a été effacé. L'application va se fermer.</source>
        <translation>The server reported this computer as lost: the local profile was erased. The application will close.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="328" />
        <source>Profil restauré depuis la copie de sécurité.</source>
        <translation>Profile restored from the backup copy.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="367" />
        <source>Synchronisation interrompue : {error}</source>
        <translation>Sync interrupted: {error}</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="368" />
        <source>Mauvais mot de passe.</source>
        <translation>Wrong password.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="369" />
        <source>Certificat non reconnu : connexion refusée.</source>
        <translation>Certificate not recognised: connection refused.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="370" />
        <source>Serveur injoignable : vos modifications attendent.</source>
        <translation>Server unreachable: your changes are waiting.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="371" />
        <source>Connexion interrompue : rien n'est perdu, réessayez.</source>
        <translation>Connection interrupted: nothing is lost, try again.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="372" />
        <source>Application trop ancienne : mettez-la à jour.</source>
        <translation>Application too old: update it.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="373" />
        <source>Accès refusé par le serveur.</source>
        <translation>Access denied by the server.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="374" />
        <source>Accès refusé : reconnectez-vous au serveur.</source>
        <translation>Access denied: sign in to the server again.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="375" />
        <source>Pas de serveur : connectez-vous d'abord.</source>
        <translation>No server: sign in first.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="329" />
        <source>Profil de démonstration : jamais synchronisé.</source>
        <translation>Demo profile: never synced.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="339" />
        <source>&lt;b&gt;Conflits&lt;/b&gt;</source>
        <translation>&lt;b&gt;Conflicts&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="340" />
        <source>&lt;b&gt;Modifications refusées par le serveur&lt;/b&gt;</source>
        <translation>&lt;b&gt;Changes refused by the server&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="361" />
        <source>Connexion</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="330" />
        <source>Synchronisation</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="376" />
        <source>{n} refusées par le serveur.</source>
        <translation>{n} refused by the server.</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="345" />
        <source>par {author}, le {at}</source>
        <translation>by {author}, on {at}</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="362" />
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
    <name>UndoOffer</name>
    <message>
        <location filename="../../coordinator_app/ui/undo.py" line="54" />
        <source>&amp;Annuler</source>
        <extracomment>How long the « Annuler » button stays offered.</extracomment>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/undo.py" line="58" />
        <source>Annuler ({key})</source>
        <translation>Undo ({key})</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/undo.py" line="59" />
        <source>Annuler la dernière action</source>
        <translation>Undo the last action</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/undo.py" line="94" />
        <source>Action annulée.</source>
        <translation>Action undone.</translation>
    </message>
</context>
<context>
    <name>VisitEditor</name>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_widgets.py" line="46" />
        <source>Joindre des photos ou des fichiers</source>
        <translation>Attach photos or files</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_widgets.py" line="48" />
        <source>Photos et documents (*.jpg *.jpeg *.png *.heic *.pdf *.docx *.xlsx *.txt);;Tous les fichiers (*)</source>
        <translation>Photos and documents (*.jpg *.jpeg *.png *.heic *.pdf *.docx *.xlsx *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="132" />
        <source>Visite planifiée : notez ce qui a été vu et décidé, puis enregistrez ; elle sera enregistrée comme faite.</source>
        <translation>Planned visit: note what was seen and decided, then save; it will be recorded as done.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="138" />
        <source>Visite planifiée pour le {0}.</source>
        <translation>Visit planned for {0}.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="228" />
        <source>Copie des pièces jointes…</source>
        <translation>Copying attachments…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="259" />
        <source>Copie des pièces jointes en cours : enregistrez dans un instant.</source>
        <translation>Attachments are still being copied: save again in a moment.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="305" />
        <source>Suivi {0} — {1} : {2}</source>
        <translation>Follow-up {0} — {1}: {2}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="312" />
        <source>Rien n'a été enregistré : %n problème(s) à corriger (en jaune).</source>
        <translation>
            <numerusform>Nothing was saved: %n problem to fix (in yellow).</numerusform>
            <numerusform>Nothing was saved: %n problems to fix (in yellow).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitEditorLayout</name>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_layout.py" line="54" />
        <source>Visite du {0} — {1}</source>
        <translation>Visit of {0} — {1}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_layout.py" line="57" />
        <source>Nouvelle visite — {0}</source>
        <translation>New visit — {0}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_layout.py" line="100" />
        <source>Enregistrer la visite (Ctrl+S)</source>
        <translation>Save the visit (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_layout.py" line="101" />
        <source>Enregistrer la visite</source>
        <translation>Save the visit</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_layout.py" line="102" />
        <source>Annuler (Échap)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_layout.py" line="103" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_layout.py" line="130" />
        <source>Suivis (actions à faire)</source>
        <translation>Follow-ups (actions to do)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_layout.py" line="143" />
        <source>Ajouter un suivi (Ctrl+Maj+A)</source>
        <translation>Add a follow-up (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_layout.py" line="144" />
        <source>Ajouter un suivi</source>
        <translation>Add a follow-up</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_layout.py" line="150" />
        <source>Retirer le suivi (Ctrl+Suppr)</source>
        <translation>Remove the follow-up (Ctrl+Del)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_layout.py" line="150" />
        <source>Retirer le suivi</source>
        <translation>Remove the follow-up</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_layout.py" line="162" />
        <source>Photos et pièces jointes</source>
        <translation>Photos and attachments</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_layout.py" line="167" />
        <source>Joindre des fichiers… (Ctrl+J)</source>
        <translation>Attach files… (Ctrl+J)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_layout.py" line="168" />
        <source>Joindre des fichiers</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_layout.py" line="173" />
        <source>Retirer la pièce jointe (Suppr)</source>
        <translation>Remove the attachment (Del)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/visit_layout.py" line="174" />
        <source>Retirer la pièce jointe</source>
        <translation>Remove the attachment</translation>
    </message>
</context>
<context>
    <name>VisitListPage</name>
    <message>
        <location filename="../../coordinator_app/ui/lists/pages.py" line="46" />
        <source>Visites</source>
        <translation>Visits</translation>
    </message>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/lists/pages.py" line="49" />
        <source>%n visite(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
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
        <source>Visite faite par</source>
        <translation>Visit made by</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="127" />
        <source>Personnes du CQCM qui ont fait la visite (comptes)</source>
        <translation>CQCM staff who made the visit (accounts)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="128" />
        <source>Coordonnateur ou coordonnatrice du projet</source>
        <translation>Project coordinator</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="129" />
        <source>État de la visite</source>
        <translation>Visit status</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="130" />
        <source>Planifiée</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="131" />
        <source>Faite</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="132" />
        <source>Objet de la visite</source>
        <translation>Purpose of the visit</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="133" />
        <source>Personnes présentes</source>
        <translation>People present</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="134" />
        <source>Observations</source>
        <translation>Observations</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="135" />
        <source>Décisions</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="136" />
        <source>Suivi</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="137" />
        <source>Suivis</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="138" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="139" />
        <source>Responsable</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="140" />
        <source>Type de responsable</source>
        <translation>Owner type</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="141" />
        <source>Personne du CQCM</source>
        <translation>CQCM staff member</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="142" />
        <source>Personne du projet</source>
        <translation>Person of the project</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="143" />
        <source>Autre (partenaire)</source>
        <translation>Other (partner)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="144" />
        <source>Compte du responsable</source>
        <translation>Owner's account</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="145" />
        <source>Échéance</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="146" />
        <source>Fait</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="147" />
        <source>Pièce jointe</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="148" />
        <source>Pièces jointes</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="149" />
        <source>Empreinte SHA-256</source>
        <translation>SHA-256 fingerprint</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="150" />
        <source>Nom du fichier</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="151" />
        <source>Type de fichier</source>
        <translation>File type</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="152" />
        <source>Taille (octets)</source>
        <translation>Size (bytes)</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="153" />
        <source>Atelier ou webinaire</source>
        <translation>Workshop or webinar</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="154" />
        <source>Ateliers et webinaires</source>
        <translation>Workshops and webinars</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="155" />
        <source>Thème</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="156" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="157" />
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="158" />
        <source>Atelier</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="159" />
        <source>Webinaire</source>
        <translation>Webinar</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="160" />
        <source>Participation</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="161" />
        <source>Communication de renseignements personnels</source>
        <translation>Disclosure of personal information</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="162" />
        <source>Registre des communications</source>
        <translation>Disclosure register</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="163" />
        <source>Date et heure</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="164" />
        <source>Par</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="165" />
        <source>Exportation de participants avec leurs noms</source>
        <translation>Export of participants with their names</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="166" />
        <source>Rapport nominatif</source>
        <translation>Report with names</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="167" />
        <source>Réponse à une demande d'accès</source>
        <translation>Reply to an access request</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="168" />
        <source>Renseignements communiqués</source>
        <translation>Information disclosed</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="169" />
        <source>Participants visés</source>
        <translation>Participants concerned</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="170" />
        <source>Destinataire</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="171" />
        <source>Fin</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="172" />
        <source>CIEC</source>
        <translation>CIEC</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="173" />
        <source>Coopérative agricole</source>
        <translation>Farm co-op</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="174" />
        <source>Contrats en cours</source>
        <translation>Contracts under way</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="175" />
        <source>Bilan financier et dissolution</source>
        <translation>Financial wrap-up and dissolution</translation>
    </message>
    <message>
        <location filename="generated_strings.py" line="176" />
        <source>En activité</source>
        <translation>Active</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <location filename="../../coordinator_app/ui/forms/fields/text.py" line="36" />
        <source>ex. {0}</source>
        <translation>e.g. {0}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/fields/text.py" line="96" />
        <source>Une date par ligne (AAAA-MM-JJ)</source>
        <translation>One date per line (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/fields/text.py" line="98" />
        <source>Un élément par ligne</source>
        <translation>One item per line</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/fields/dates.py" line="80" />
        <source>Effacer la date (Suppr)</source>
        <translation>Clear the date (Del)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/fields/dates.py" line="81" />
        <source>Effacer la date</source>
        <translation>Clear the date</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/fields/choices.py" line="61" />
        <source>— choisir —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/fields/refs.py" line="45" />
        <source>Tapez pour chercher…</source>
        <translation>Type to search…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/fields/refs.py" line="115" />
        <source>Filtrer la liste…</source>
        <translation>Filter the list…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/fields/refs.py" line="117" />
        <source>Filtrer : {0}</source>
        <translation>Filter: {0}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/fields/refs.py" line="173" />
        <source>Choisis : {0}</source>
        <translation>Chosen: {0}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/forms/fields/refs.py" line="175" />
        <source>Aucun choix</source>
        <translation>No choice</translation>
    </message>
</context>
</TS>