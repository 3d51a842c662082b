<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own strings that qtbase_fr.qm leaves in English (seen in the file dialog). Written by
     hand; compiled by update.py (or: pyside6-lrelease qtbase_extra_fr.ts). Loaded after
     qtbase_fr by ui/i18n.py, so these win. -->
<TS version="2.1" language="fr_CA">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Regarder dans :</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type :</translation>
    </message>
</context>
</TS>
