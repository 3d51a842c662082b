<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_CA" sourcelanguage="fr_CA">
<context>
    <name>Dashboard</name>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/dashboard.py" line="250" />
        <source>%n coopérative(s)</source>
        <translation>
            <numerusform>%n coopérative</numerusform>
            <numerusform>%n coopératives</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/dashboard.py" line="254" />
        <location filename="../../coordinator_app/ui/dashboard.py" line="273" />
        <source>%n jeune(s)</source>
        <translation>
            <numerusform>%n jeune</numerusform>
            <numerusform>%n jeunes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/dashboard.py" line="258" />
        <source>%n école(s)</source>
        <translation>
            <numerusform>%n école</numerusform>
            <numerusform>%n écoles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/dashboard.py" line="264" />
        <source>%n région(s)</source>
        <translation>
            <numerusform>%n région</numerusform>
            <numerusform>%n régions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/dashboard.py" line="267" />
        <source>%n projet(s)</source>
        <translation>
            <numerusform>%n projet</numerusform>
            <numerusform>%n projets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/dashboard.py" line="271" />
        <source>%n coordonnateur(s)</source>
        <translation>
            <numerusform>%n coordonnateur</numerusform>
            <numerusform>%n coordonnateurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/dashboard.py" line="291" />
        <source>sur %n fondée(s)</source>
        <translation>
            <numerusform>sur %n fondée</numerusform>
            <numerusform>sur %n fondées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntityForm</name>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/forms/entity_form.py" line="260" />
        <source>Rien n'a été enregistré : %n problème(s) à corriger (en rouge).</source>
        <translation>
            <numerusform>Rien n'a été enregistré : %n problème à corriger (en rouge).</numerusform>
            <numerusform>Rien n'a été enregistré : %n problèmes à corriger (en rouge).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportExport</name>
    <message numerus="yes">
        <location filename="generated_plurals.py" line="8" />
        <source>%n enregistrement(s) exporté(s) dans {path}.</source>
        <translation>
            <numerusform>%n enregistrement exporté dans {path}.</numerusform>
            <numerusform>%n enregistrements exportés dans {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/lists/page.py" line="341" />
        <source>%n résultat(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="generated_plurals.py" line="13" />
        <source>Données de démonstration chargées : %n enregistrement(s).</source>
        <translation>
            <numerusform>Données de démonstration chargées : %n enregistrement.</numerusform>
            <numerusform>Données de démonstration chargées : %n enregistrements.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectListPage</name>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/lists/pages.py" line="36" />
        <source>%n projet(s)</source>
        <translation>
            <numerusform>%n projet</numerusform>
            <numerusform>%n projets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectPage</name>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/forms/project_page.py" line="213" />
        <source>⚠ %n reddition(s) de comptes en retard (onglet Financement).</source>
        <translation>
            <numerusform>⚠ %n reddition de comptes en retard (onglet Financement).</numerusform>
            <numerusform>⚠ %n redditions de comptes en retard (onglet Financement).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="generated_plurals.py" line="18" />
        <source>⚠ %n participant(s) de moins de 14 ans sans consentement d'un parent ou tuteur (Loi 25).</source>
        <translation>
            <numerusform>⚠ %n participant de moins de 14 ans sans consentement d'un parent ou tuteur (Loi 25).</numerusform>
            <numerusform>⚠ %n participants de moins de 14 ans sans consentement d'un parent ou tuteur (Loi 25).</numerusform>
        </translation>
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
    <name>StatusBar</name>
    <message numerus="yes">
        <location filename="generated_plurals.py" line="28" />
        <source>%n modification(s) à synchroniser</source>
        <translation>
            <numerusform>%n modification à synchroniser</numerusform>
            <numerusform>%n modifications à synchroniser</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuivisPage</name>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/lists/pages.py" line="110" />
        <source>%n suivi(s)</source>
        <translation>
            <numerusform>%n suivi</numerusform>
            <numerusform>%n suivis</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitEditor</name>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/forms/visit_editor.py" line="312" />
        <source>Rien n'a été enregistré : %n problème(s) à corriger (en jaune).</source>
        <translation>
            <numerusform>Rien n'a été enregistré : %n problème à corriger (en jaune).</numerusform>
            <numerusform>Rien n'a été enregistré : %n problèmes à corriger (en jaune).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitListPage</name>
    <message numerus="yes">
        <location filename="../../coordinator_app/ui/lists/pages.py" line="49" />
        <source>%n visite(s)</source>
        <translation>
            <numerusform>%n visite</numerusform>
            <numerusform>%n visites</numerusform>
        </translation>
    </message>
</context>
</TS>