<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ArticleView</name>
    <message numerus="yes">
        <location filename="../../photodesk/gui/views/articleview.py" line="194"/>
        <source>Confirm the article&apos;s %n suggestion(s)</source>
        <translation>
            <numerusform>Confirm the article&apos;s suggestion</numerusform>
            <numerusform>Confirm the article&apos;s %n suggestions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../photodesk/gui/dialogs/export.py" line="284"/>
        <source>%n file(s) written.</source>
        <translation>
            <numerusform>%n file written.</numerusform>
            <numerusform>%n files written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/dialogs/export.py" line="298"/>
        <source>%n file(s) exist already:</source>
        <translation>
            <numerusform>%n file exists already:</numerusform>
            <numerusform>%n files exist already:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FacetPanel</name>
    <message numerus="yes">
        <location filename="../../photodesk/gui/views/facetpanel.py" line="112"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/views/facetpanel.py" line="114"/>
        <source>about %n photo(s) (counted from a sample)</source>
        <translation>
            <numerusform>about %n photo (counted from a sample)</numerusform>
            <numerusform>about %n photos (counted from a sample)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message numerus="yes">
        <location filename="../../photodesk/gui/views/inspector.py" line="254"/>
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
        <location filename="../../photodesk/gui/mainwindow.py" line="355"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="356"/>
        <source>More than %n photo(s)</source>
        <translation>
            <numerusform>More than %n photo</numerusform>
            <numerusform>More than %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="438"/>
        <source>%1 (%n photos)</source>
        <translation>
            <numerusform>%1 (%n photo)</numerusform>
            <numerusform>%1 (%n photos)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="595"/>
        <source>Indexing cancelled after %n photo(s).</source>
        <translation>
            <numerusform>Indexing cancelled after %n photo.</numerusform>
            <numerusform>Indexing cancelled after %n photos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="597"/>
        <source>Indexing finished: %n photo(s) read.</source>
        <translation>
            <numerusform>Indexing finished: %n photo read.</numerusform>
            <numerusform>Indexing finished: %n photos read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="698"/>
        <source>Removed from the catalog: %n photo(s); the files are still on disk.</source>
        <translation>
            <numerusform>Removed from the catalog: %n photo; the files are still on disk.</numerusform>
            <numerusform>Removed from the catalog: %n photos; the files are still on disk.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="722"/>
        <source>None of the %n photo(s) looked for is in %1: is it the right folder? Nothing was changed.</source>
        <translation>
            <numerusform>The photo looked for is not in %1: is it the right folder? Nothing was changed.</numerusform>
            <numerusform>None of the %n photos looked for is in %1: is it the right folder? Nothing was changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="726"/>
        <source>%1 is at %2 on this computer: %3 of %n photo(s) looked for are there.</source>
        <translation>
            <numerusform>%1 is at %2 on this computer: %3 of %n photo looked for is there.</numerusform>
            <numerusform>%1 is at %2 on this computer: %3 of %n photos looked for are there.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreflightDialog</name>
    <message numerus="yes">
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="45"/>
        <source>%n photo(s) to write.</source>
        <translation>
            <numerusform>%n photo to write.</numerusform>
            <numerusform>%n photos to write.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="56"/>
        <source>%n photo(s) cannot be written</source>
        <translation>
            <numerusform>%n photo cannot be written</numerusform>
            <numerusform>%n photos cannot be written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="57"/>
        <source>%n without credit</source>
        <translation>
            <numerusform>%n without credit</numerusform>
            <numerusform>%n without credit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="58"/>
        <source>%n without copyright</source>
        <translation>
            <numerusform>%n without copyright</numerusform>
            <numerusform>%n without copyright</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="59"/>
        <source>%n cut to IPTC limits</source>
        <translation>
            <numerusform>%n cut to IPTC limits</numerusform>
            <numerusform>%n cut to IPTC limits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="60"/>
        <source>%n with a partial date</source>
        <translation>
            <numerusform>%n with a partial date</numerusform>
            <numerusform>%n with a partial date</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="61"/>
        <source>%n whose fields disagree inside the file</source>
        <translation>
            <numerusform>%n whose fields disagree inside the file</numerusform>
            <numerusform>%n whose fields disagree inside the file</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="62"/>
        <source>%n will get a sidecar</source>
        <translation>
            <numerusform>%n will get a sidecar</numerusform>
            <numerusform>%n will get a sidecar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="63"/>
        <source>%n with nothing to write</source>
        <translation>
            <numerusform>%n with nothing to write</numerusform>
            <numerusform>%n with nothing to write</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsDock</name>
    <message numerus="yes">
        <location filename="../../photodesk/gui/views/problems.py" line="60"/>
        <source>Problems (%n)</source>
        <translation>
            <numerusform>Problems (%n)</numerusform>
            <numerusform>Problems (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchHint</name>
    <message numerus="yes">
        <location filename="../../photodesk/gui/views/searchhelp.py" line="114"/>
        <source>(+%n more)</source>
        <translation>
            <numerusform>(+%n more)</numerusform>
            <numerusform>(+%n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message numerus="yes">
        <location filename="../../photodesk/gui/views/sidebar.py" line="111"/>
        <source>Show %n more…</source>
        <translation>
            <numerusform>Show %n more…</numerusform>
            <numerusform>Show %n more…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/views/sidebar.py" line="185"/>
        <source>%n image(s) wait for a choice</source>
        <translation>
            <numerusform>%n image waits for a choice</numerusform>
            <numerusform>%n images wait for a choice</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThumbnailRebuild</name>
    <message numerus="yes">
        <location filename="../../photodesk/gui/workers/thumbrebuild.py" line="58"/>
        <source>Thumbnails rebuilt: %n photo(s).</source>
        <translation>
            <numerusform>Thumbnails rebuilt: %n photo.</numerusform>
            <numerusform>Thumbnails rebuilt: %n photos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/workers/thumbrebuild.py" line="60"/>
        <source>%n could not be (see Problems).</source>
        <translation>
            <numerusform>%n could not be (see Problems).</numerusform>
            <numerusform>%n could not be (see Problems).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Writing</name>
    <message numerus="yes">
        <location filename="../../photodesk/gui/workers/writing.py" line="77"/>
        <source>Checking %n photo(s)…</source>
        <translation>
            <numerusform>Checking %n photo…</numerusform>
            <numerusform>Checking %n photos…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/workers/writing.py" line="141"/>
        <source>Metadata written to %n photo(s).</source>
        <translation>
            <numerusform>Metadata written to %n photo.</numerusform>
            <numerusform>Metadata written to %n photos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/workers/writing.py" line="145"/>
        <source>%n could not be written (see Problems).</source>
        <translation>
            <numerusform>%n could not be written (see Problems).</numerusform>
            <numerusform>%n could not be written (see Problems).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/workers/writing.py" line="166"/>
        <source>Selected photos (%n)</source>
        <translation>
            <numerusform>Selected photos (%n)</numerusform>
            <numerusform>Selected photos (%n)</numerusform>
        </translation>
    </message>
</context>
</TS>
