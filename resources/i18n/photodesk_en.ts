<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="141"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="231"/>
        <source>Indexing cancelled after %n photo(s).</source>
        <translation>
            <numerusform>Indexing cancelled after %n photo.</numerusform>
            <numerusform>Indexing cancelled after %n photos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="233"/>
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
</TS>
