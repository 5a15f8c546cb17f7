<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Inspector</name>
    <message numerus="yes">
        <location filename="../../photodesk/gui/inspector.py" line="241"/>
        <source>%n photos selected: edits apply to all of them.</source>
        <translation>
            <numerusform>%n photo selected.</numerusform>
            <numerusform>%n photos selected: edits apply to all of them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="176"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="241"/>
        <source>%1 (%n photos)</source>
        <translation>
            <numerusform>%1 (%n photo)</numerusform>
            <numerusform>%1 (%n photos)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="339"/>
        <source>Indexing cancelled after %n photo(s).</source>
        <translation>
            <numerusform>Indexing cancelled after %n photo.</numerusform>
            <numerusform>Indexing cancelled after %n photos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="341"/>
        <source>Indexing finished: %n photo(s) read.</source>
        <translation>
            <numerusform>Indexing finished: %n photo read.</numerusform>
            <numerusform>Indexing finished: %n photos read.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsDock</name>
    <message numerus="yes">
        <location filename="../../photodesk/gui/errors.py" line="56"/>
        <source>Problems (%n)</source>
        <translation>
            <numerusform>Problems (%n)</numerusform>
            <numerusform>Problems (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message numerus="yes">
        <location filename="../../photodesk/gui/sidebar.py" line="114"/>
        <source>%n image(s) wait for a choice</source>
        <translation>
            <numerusform>%n image waits for a choice</numerusform>
            <numerusform>%n images wait for a choice</numerusform>
        </translation>
    </message>
</context>
</TS>
