<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../reader/gui/dialogs/about.py" line="71"/>
        <source>About Jingdu</source>
        <translation>关于精读</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/about.py" line="80"/>
        <source>Version {0}</source>
        <translation>版本 {0}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/about.py" line="91"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/about.py" line="92"/>
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/about.py" line="110"/>
        <source>Close reading of long Chinese documents, by their section tree.</source>
        <translation>按章节目录精读长篇中文文档。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/about.py" line="111"/>
        <source>Licensed under the GNU General Public License, version 3 or later.</source>
        <translation>依据 GNU 通用公共许可证第 3 版或更高版本授权。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/about.py" line="113"/>
        <source>Qt {0}, PySide6 {1}, Python {2}</source>
        <translation>Qt {0}，PySide6 {1}，Python {2}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/about.py" line="116"/>
        <source>Your data: {0}</source>
        <translation>您的数据：{0}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/about.py" line="138"/>
        <source>Licence files are missing from this installation.</source>
        <translation>此安装中缺少许可证文件。</translation>
    </message>
</context>
<context>
    <name>AnnotationsFeature</name>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="171"/>
        <source>Annotate</source>
        <extracomment>Settings key of the colour used by Ctrl+H and new notes. Documents looked up to show progress in File ▸ Open Recent. Blank characters trimmed from both ends of a selection before highlighting. Name of the load worker&apos;s preparer that groups the annotations off the UI thread. How long the status bar shows what re-anchoring did (milliseconds).</extracomment>
        <translation>批注工具栏</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="265"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="267"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="282"/>
        <location filename="../../reader/gui/annotations_feature.py" line="914"/>
        <source>Copy with C&amp;itation</source>
        <translation>带出处复制(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="294"/>
        <source>&amp;Highlight</source>
        <translation>高亮(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="307"/>
        <source>With &amp;Last Colour</source>
        <translation>使用上次的颜色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="310"/>
        <location filename="../../reader/gui/annotations_feature.py" line="912"/>
        <source>Add No&amp;te…</source>
        <translation>添加笔记(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="314"/>
        <source>Toggle &amp;Bookmark</source>
        <translation>添加/删除书签(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="318"/>
        <source>Bookmark &amp;with Label…</source>
        <translation>添加带名称的书签(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="337"/>
        <source>E&amp;xport Annotations…</source>
        <translation>导出批注(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="340"/>
        <source>&amp;Import Annotations…</source>
        <translation>导入批注(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="347"/>
        <source>&amp;Annotations Panel</source>
        <translation>批注面板(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="368"/>
        <source>With &amp;Last Colour (%1)</source>
        <translation>使用上次的颜色(&amp;L)（%1）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="398"/>
        <source>Select some text to highlight first.</source>
        <translation>请先选择要高亮的文字。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="412"/>
        <source>Change Highlight</source>
        <translation>更改高亮</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="325"/>
        <location filename="../../reader/gui/annotations_feature.py" line="417"/>
        <source>Add Note</source>
        <translation>添加笔记</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="326"/>
        <source>Bookmark</source>
        <translation>书签</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="327"/>
        <source>Copy with Citation</source>
        <translation>带出处复制</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="417"/>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="441"/>
        <source>Edit Note</source>
        <translation>编辑笔记</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="449"/>
        <source>Change Colour</source>
        <translation>更改颜色</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="456"/>
        <source>Delete Bookmark</source>
        <translation>删除书签</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="456"/>
        <source>Delete Highlight</source>
        <translation>删除高亮</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="458"/>
        <source>Deleted. Press Ctrl+Z to undo.</source>
        <translation>已删除。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="480"/>
        <source>Add Bookmark</source>
        <translation>添加书签</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="482"/>
        <source>Bookmarked: %1</source>
        <translation>已添加书签：%1</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="513"/>
        <source>Remove Bookmark</source>
        <translation>删除书签</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="514"/>
        <source>Bookmark removed: %1</source>
        <translation>已删除书签：%1</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="528"/>
        <source>Rename Bookmark</source>
        <translation>重命名书签</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="536"/>
        <source>Select a passage to copy with its citation.</source>
        <translation>请先选择要带出处复制的段落。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="551"/>
        <source>Copied with citation.</source>
        <translation>已连同出处复制。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="560"/>
        <source>Web Annotation JSON (*.json)</source>
        <translation>Web Annotation JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="561"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="564"/>
        <source>Export Annotations</source>
        <translation>导出批注</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="579"/>
        <source>Import Annotations</source>
        <translation>导入批注</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="581"/>
        <source>Web Annotation JSON (*.json *.jsonld);;All files (*)</source>
        <translation>Web Annotation JSON (*.json *.jsonld);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="606"/>
        <source>Cannot export annotations</source>
        <translation>无法导出批注</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="607"/>
        <source>Could not write “%1”: %2

Choose another folder and try again.</source>
        <translation>无法写入“%1”：%2

请选择其他文件夹后重试。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="613"/>
        <source>Exported %1 annotations to %2</source>
        <translation>已将 %1 条批注导出到 %2</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="632"/>
        <source>Cannot import annotations</source>
        <translation>无法导入批注</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="639"/>
        <source>Could not read “%1”: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="651"/>
        <source>“%1” is not UTF-8 text. Choose a JSON file exported by Jingdu or another Web Annotation tool.</source>
        <translation>“%1”不是 UTF-8 文本。请选择由精读或其他 Web Annotation 工具导出的 JSON 文件。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="660"/>
        <source>“%1” is not a Web Annotation file Jingdu understands.

Details: %2</source>
        <translation>“%1”不是精读能识别的 Web Annotation 文件。

详细信息：%2</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="674"/>
        <source>Imported %1 annotations.</source>
        <translation>已导入 %1 条批注。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="676"/>
        <source>%1 were already here.</source>
        <translation>%1 条原本已存在。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="679"/>
        <source>%1 were placed by their quote.</source>
        <translation>%1 条按引文重新定位。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="683"/>
        <source>%1 were not found in this text and are listed under “Orphaned”.</source>
        <translation>%1 条在本文中找不到，已列入“找不到原文”一组。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="688"/>
        <source>Annotations imported</source>
        <translation>批注已导入</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="724"/>
        <source>Cannot save the change</source>
        <translation>无法保存更改</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="725"/>
        <source>Jingdu could not save this change to its library: %1</source>
        <translation>精读无法把这项更改保存到资料库：%1</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="857"/>
        <source>%1 annotations could not be found in the changed text; they are listed under “Orphaned” in the Annotations panel.</source>
        <translation>文件内容已改动，有 %1 条批注找不到原文位置，已列入批注面板的“找不到原文”一组。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="862"/>
        <source>This file changed since you last read it: %1 annotations moved with the text, %2 could not be placed — see Orphaned in the Annotations panel.</source>
        <translation>文件自上次阅读后已修改：%1 条批注已随文字移动，%2 条无法定位——请在批注面板的“找不到原文”中查看。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="867"/>
        <source>This file changed since you last read it: %1 annotations moved with the text.</source>
        <translation>文件自上次阅读后已修改：%1 条批注已随文字移动。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="871"/>
        <source>This file changed since you last read it: %2 annotations could not be placed — see Orphaned in the Annotations panel.</source>
        <translation>文件自上次阅读后已修改：%2 条批注无法定位——请在批注面板的“找不到原文”中查看。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="906"/>
        <source>C&amp;olour</source>
        <translation>颜色(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="912"/>
        <source>Edit &amp;Note…</source>
        <translation>编辑笔记(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="917"/>
        <source>&amp;Delete Highlight</source>
        <translation>删除高亮(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="937"/>
        <source>This Highlight</source>
        <translation>此处高亮</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="966"/>
        <source>Open a document first.</source>
        <translation>请先打开一个文档。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_feature.py" line="969"/>
        <source>Highlights and bookmarks cannot be saved for this document.</source>
        <translation>无法为此文档保存高亮和书签。</translation>
    </message>
</context>
<context>
    <name>AnnotationsModel</name>
    <message>
        <location filename="../../reader/models/annotations_model.py" line="315"/>
        <source>Text changed: these could not be found again. Quote and note are kept.</source>
        <extracomment>The Annotation behind a row (None for group rows). Annotation id (int) of a row; None for groups. Document offset to jump to (group: its first annotation; annotation: its start). &quot;highlight&quot; / &quot;bookmark&quot; for annotations, &quot;group&quot; for groups. Colour name of a highlight (&quot;&quot; for bookmarks and groups). The note (&quot;&quot; when none). Number of annotations shown in a group (0 for annotation rows). True for the &quot;Orphaned&quot; group and its rows. Filter value meaning &quot;bookmarks&quot; in ``set_filter(colors=...)``. Node kinds that make a group; points and synthetic blocks belong to their section. Group of an annotation by (start, orphaned): the group depends on nothing else.</extracomment>
        <translation>文本已改动，这些批注找不到原位置；引文和笔记均已保留。</translation>
    </message>
    <message>
        <location filename="../../reader/models/annotations_model.py" line="316"/>
        <source>Orphaned</source>
        <translation>找不到原文</translation>
    </message>
    <message>
        <location filename="../../reader/models/annotations_model.py" line="317"/>
        <source>Beginning</source>
        <translation>开头</translation>
    </message>
    <message>
        <location filename="../../reader/models/annotations_model.py" line="419"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../reader/models/annotations_model.py" line="425"/>
        <source>Note: %1</source>
        <translation>笔记：%1</translation>
    </message>
    <message>
        <location filename="../../reader/models/annotations_model.py" line="451"/>
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../reader/gui/annotations_panel.py" line="282"/>
        <source>Annotations</source>
        <extracomment>Text lines per row: every row has the same height (quote on two lines, or quote and note), so the view never measures rows and 10,000 of them lay out at once. Lines of quote shown per annotation before eliding. Annotation rows expanded when a document opens; beyond it, groups start collapsed (their counts show) because the tree lays out every expanded row on each change. With more annotations than this, a visible panel is filled on a later turn of the event loop: opening a document then lays out and paints the text first (building and showing 10,000 rows takes ~20 ms that would add to the opening stall).</extracomment>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_panel.py" line="292"/>
        <source>Filter quotes and notes</source>
        <translation>筛选引文和笔记</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_panel.py" line="295"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_panel.py" line="298"/>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_panel.py" line="328"/>
        <source>No highlights or bookmarks yet.
Select text and press Ctrl+1…Ctrl+5.</source>
        <translation>还没有高亮或书签。
选中文字后按 Ctrl+1…Ctrl+5 即可高亮。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_panel.py" line="537"/>
        <source>&amp;Go To</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_panel.py" line="539"/>
        <source>Copy with &amp;Citation</source>
        <translation>带出处复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_panel.py" line="542"/>
        <source>Edit &amp;Label…</source>
        <translation>编辑名称(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_panel.py" line="545"/>
        <source>Edit &amp;Note…</source>
        <translation>编辑笔记(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_panel.py" line="547"/>
        <source>C&amp;olour</source>
        <translation>颜色(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_panel.py" line="554"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
</context>
<context>
    <name>BookmarkDialog</name>
    <message>
        <location filename="../../reader/gui/dialogs/bookmark_dialog.py" line="21"/>
        <source>Bookmark</source>
        <translation>书签</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/bookmark_dialog.py" line="30"/>
        <source>Label:</source>
        <translation>名称：</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/gui/find_bar.py" line="138"/>
        <source>Find in document</source>
        <extracomment>Quiet time after a keystroke before searching (ms); longer for long documents. Over texts longer than this, regexes run in slices and folding is done in slices (see search_worker.find_regex_sliced and fold_in_slices), so the UI never waits. The scrollbar map draws at most this many ticks (hits are bucketed by position). Name of our layer of scrollbar marks. Fraction of the viewport height above a revealed hit.</extracomment>
        <translation>在文档中查找</translation>
    </message>
    <message>
        <location filename="../../reader/gui/find_bar.py" line="148"/>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>上一处（Shift+Enter、Shift+F3）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/find_bar.py" line="150"/>
        <source>Next match (Enter, F3)</source>
        <translation>下一处（Enter、F3）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/find_bar.py" line="153"/>
        <source>Regex</source>
        <translation>正则</translation>
    </message>
    <message>
        <location filename="../../reader/gui/find_bar.py" line="153"/>
        <source>Use a regular expression</source>
        <translation>使用正则表达式</translation>
    </message>
    <message>
        <location filename="../../reader/gui/find_bar.py" line="155"/>
        <source>Whole words</source>
        <translation>整词匹配</translation>
    </message>
    <message>
        <location filename="../../reader/gui/find_bar.py" line="155"/>
        <source>Only matches that are whole words (jieba)</source>
        <translation>只匹配完整的词（jieba 分词）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/find_bar.py" line="158"/>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <location filename="../../reader/gui/find_bar.py" line="158"/>
        <source>Distinguish upper and lower case Latin letters</source>
        <translation>区分拉丁字母的大小写</translation>
    </message>
    <message>
        <location filename="../../reader/gui/find_bar.py" line="163"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/find_bar.py" line="249"/>
        <source>Loading dictionary…</source>
        <translation>正在加载词典…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/find_bar.py" line="357"/>
        <source>No results</source>
        <translation>无结果</translation>
    </message>
</context>
<context>
    <name>KeywordsPanel</name>
    <message>
        <location filename="../../reader/gui/keywords_panel.py" line="46"/>
        <source>Keywords</source>
        <extracomment>Keywords listed for the document and for the section. Quiet scrolling time before the section&apos;s keywords are recomputed (ms).</extracomment>
        <translation>关键词</translation>
    </message>
    <message>
        <location filename="../../reader/gui/keywords_panel.py" line="54"/>
        <source>In this document</source>
        <translation>全文</translation>
    </message>
    <message>
        <location filename="../../reader/gui/keywords_panel.py" line="56"/>
        <location filename="../../reader/gui/keywords_panel.py" line="136"/>
        <source>In this section</source>
        <translation>本节</translation>
    </message>
    <message>
        <location filename="../../reader/gui/keywords_panel.py" line="105"/>
        <location filename="../../reader/gui/keywords_panel.py" line="149"/>
        <source>Finding keywords…</source>
        <translation>正在提取关键词…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/keywords_panel.py" line="144"/>
        <source>In “%1”</source>
        <translation>“%1”中</translation>
    </message>
    <message>
        <location filename="../../reader/gui/keywords_panel.py" line="172"/>
        <source>(no keywords)</source>
        <translation>（没有关键词）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/keywords_panel.py" line="177"/>
        <source>Weight %1 — click to find it</source>
        <translation>权重 %1 — 单击即可查找</translation>
    </message>
    <message>
        <location filename="../../reader/gui/keywords_panel.py" line="187"/>
        <source>Keywords unavailable: %1</source>
        <translation>无法提取关键词：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/gui/main_window.py" line="171"/>
        <source>Opening %1…</source>
        <extracomment>Encodings offered by File ▸ Reopen with Encoding when reader.core.encoding is absent. Milliseconds of quiet scrolling before the reading position is saved. The open document&apos;s tree was rebuilt (e.g. articles shown or hidden).</extracomment>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="250"/>
        <source>About Jingdu</source>
        <translation>关于精读</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="251"/>
        <source>Jingdu (精读) %1
A reader for long Chinese documents.</source>
        <translation>精读 %1
长篇中文文档阅读器。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="309"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="310"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="311"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="312"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="313"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="314"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="320"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="321"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="323"/>
        <source>Reopen with &amp;Encoding</source>
        <translation>以指定编码重新打开(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="328"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="329"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="331"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="336"/>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="344"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="348"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="354"/>
        <source>Actual &amp;Size</source>
        <translation>实际大小(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="357"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="359"/>
        <source>&amp;Light</source>
        <translation>明亮(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="359"/>
        <source>&amp;Sepia</source>
        <translation>护眼(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="359"/>
        <source>&amp;Dark</source>
        <translation>夜间(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="367"/>
        <source>&amp;Contents Panel</source>
        <translation>目录面板(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="373"/>
        <source>A&amp;rticles in Contents</source>
        <translation>目录中显示条文(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="383"/>
        <source>&amp;Next Section</source>
        <translation>下一节(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="390"/>
        <source>&amp;Previous Section</source>
        <translation>上一节(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="397"/>
        <source>Next Section at &amp;Same Level</source>
        <translation>同级下一节(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="404"/>
        <source>Previous Section at S&amp;ame Level</source>
        <translation>同级上一节(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="411"/>
        <source>&amp;Beginning</source>
        <translation>文档开头(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="413"/>
        <source>&amp;End</source>
        <translation>文档结尾(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="415"/>
        <source>User &amp;Guide</source>
        <translation>使用指南(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="416"/>
        <source>&amp;About Jingdu</source>
        <translation>关于精读(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="423"/>
        <source>(no recent files)</source>
        <translation>（没有最近打开的文件）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="483"/>
        <source>Documents (%1)</source>
        <translation>文档 (%1)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="485"/>
        <source>Text files</source>
        <translation>文本文件</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="486"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="487"/>
        <source>Web pages</source>
        <translation>网页</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="488"/>
        <source>Word documents</source>
        <translation>Word 文档</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="489"/>
        <source>EPUB books</source>
        <translation>EPUB 电子书</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="493"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="498"/>
        <source>Open Document</source>
        <translation>打开文档</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="535"/>
        <source>This file is empty.</source>
        <translation>这个文件是空的。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="541"/>
        <source>%1 characters could not be read as %2 and are shown as �. If the text looks garbled, try File ▸ Reopen with Encoding.</source>
        <translation>有 %1 个字符无法按 %2 解读，显示为 �。如果文字看起来是乱码，请尝试“文件 ▸ 以指定编码重新打开”。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="550"/>
        <source>Opened %1 (%2 characters, %3)</source>
        <translation>已打开《%1》（%2 字，%3 编码）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="562"/>
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="571"/>
        <source>The file “%1” does not exist. It may have been moved, renamed or deleted.

Check where it is and open it again.</source>
        <translation>文件“%1”不存在，可能已被移动、改名或删除。

请确认文件位置后重新打开。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="575"/>
        <source>The file “%1” cannot be read because you do not have permission.

Ask its owner for access, or copy it to a folder of your own.</source>
        <translation>没有读取文件“%1”的权限。

请向文件所有者申请权限，或把它复制到您自己的文件夹中。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="579"/>
        <source>“%1” is a folder, not a file.

Choose a document inside it.</source>
        <translation>“%1”是文件夹，不是文件。

请选择其中的文档。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="582"/>
        <source>The file “%1” is not a text document (it contains binary data).

Jingdu opens text, Markdown, HTML, Word (.docx) and EPUB files.</source>
        <translation>文件“%1”不是文本文档（其中含有二进制数据）。

精读可以打开纯文本、Markdown、HTML、Word（.docx）和 EPUB 文件。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="586"/>
        <source>The text of “%1” could not be decoded in any supported encoding.

Try File ▸ Reopen with Encoding, or save it as UTF-8 in another editor.</source>
        <translation>无法用任何支持的编码解读文件“%1”的文字。

请尝试“文件 ▸ 以指定编码重新打开”，或在其他编辑器中将它另存为 UTF-8 编码。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="590"/>
        <source>The file “%1” is too large to open.

Split it into smaller files.</source>
        <translation>文件“%1”太大，无法打开。

请把它拆分成几个较小的文件。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="593"/>
        <source>The file “%1” is damaged or not in the format its name suggests.

Try to get a fresh copy of it.</source>
        <translation>文件“%1”已损坏，或者它的实际格式与扩展名不符。

请重新获取一份完好的文件。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="597"/>
        <source>Jingdu cannot read files like “%1”.

Save it as text (.txt) and open that.</source>
        <translation>精读无法读取“%1”这类文件。

请将它另存为纯文本（.txt）后再打开。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="600"/>
        <source>The file “%1” could not be read because of a system error.

Check the disk or network drive and try again.</source>
        <translation>由于系统错误，无法读取文件“%1”。

请检查磁盘或网络驱动器后重试。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="605"/>
        <source>Details: %1</source>
        <translation>详细信息：%1</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="642"/>
        <source>%1% read</source>
        <translation>已读 %1%</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="670"/>
        <source>Zoom %1%</source>
        <translation>缩放 %1%</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="719"/>
        <source>Jingdu</source>
        <translation>精读</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../reader/gui/dialogs/note_dialog.py" line="25"/>
        <source>Note</source>
        <extracomment>Characters of the quote shown above the note.</extracomment>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/note_dialog.py" line="37"/>
        <source>Write your note here…</source>
        <translation>在此输入笔记…</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="204"/>
        <source>This file is empty.</source>
        <extracomment>Documents up to this many characters are shown whole. Chunk sizes (characters) for windowed documents; chunks end at a section start when one lies between MIN and MAX, else at a paragraph end after TARGET. Chunks kept on each side of the chunk being read. Zoom limits, in steps of 10 %. Margin around the text inside the widget, pixels. Pixels left above the line that a jump brings to the top. Line pitch of body text, in em (CJK fonts&apos; natural spacing is ~1.3–1.5 em). Heading size relative to body text, by level (deeper levels: 1.0). Highlights and search hits are given to Qt only for the visible text plus this many characters either side (several screens); scrolling past that rebuilds them. Qt measures every extra selection on each change, so 10,000 of them cost ~0.3 s. When more search hits than this fall in that range (a one-character query: a hit every ~15 characters), only those within DENSE_MARGIN characters of the visible text are handed over: each costs ~0.1 ms, and 400 of them made a window slide stall 40 ms. Paragraphs that bring their own indent (novels often start lines with &quot; &quot;). Runs of empty lines, which would otherwise each take a full line pitch. document range whose highlights and hits are handed to Qt (offset, y): the character being read and its line&apos;s top in the viewport, restored after the text is laid out again (width change, dock shown)</extracomment>
        <translation>这个文件是空的。</translation>
    </message>
</context>
<context>
    <name>SearchFeature</name>
    <message>
        <location filename="../../reader/gui/search_feature.py" line="95"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_feature.py" line="133"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_feature.py" line="142"/>
        <source>Find &amp;Next</source>
        <translation>查找下一处(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_feature.py" line="151"/>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一处(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_feature.py" line="157"/>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_feature.py" line="172"/>
        <source>Search in &amp;Document…</source>
        <translation>在文档中搜索(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_feature.py" line="181"/>
        <source>Search in &amp;Library…</source>
        <translation>在文库中搜索(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_feature.py" line="203"/>
        <source>User &amp;Dictionary…</source>
        <translation>用户词典(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_feature.py" line="211"/>
        <source>Indexing the library: %1 / %2 — %3</source>
        <translation>正在为文库建立索引：%1 / %2 — %3</translation>
    </message>
</context>
<context>
    <name>SearchJob</name>
    <message>
        <location filename="../../reader/gui/search_worker.py" line="61"/>
        <source>Invalid regular expression: %1</source>
        <translation>正则表达式无效：%1</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="139"/>
        <source>Search</source>
        <extracomment>Most hits listed for one document / for the library. Recently opened documents whose library results come first (most recent first). Characters of context either side of a hit in a snippet. Streamed library results are sent at least this often (seconds) or this many at a time. Background of the match in a snippet (the reading view&apos;s search-hit yellow).</extracomment>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="162"/>
        <source>Search for…</source>
        <translation>搜索内容…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="167"/>
        <source>This document</source>
        <translation>本文档</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="168"/>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="169"/>
        <source>Library: every document you have opened</source>
        <translation>文库：您打开过的所有文档</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="171"/>
        <source>Whole words</source>
        <translation>整词匹配</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="172"/>
        <source>Only matches that are whole words (jieba)</source>
        <translation>只匹配完整的词（jieba 分词）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="173"/>
        <source>Regex</source>
        <translation>正则</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="194"/>
        <source>Stop indexing</source>
        <translation>停止建立索引</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="267"/>
        <source>Loading dictionary…</source>
        <translation>正在加载词典…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="269"/>
        <location filename="../../reader/gui/search_panel.py" line="354"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="273"/>
        <source>The library index is not available.</source>
        <translation>文库索引不可用。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="285"/>
        <source>Open a document to search it.</source>
        <translation>请先打开要搜索的文档。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="354"/>
        <source>No results</source>
        <translation>无结果</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="358"/>
        <source>%1 results in %2 documents</source>
        <translation>%2 个文档中共 %1 处结果</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="364"/>
        <source>%1 results in %2 sections</source>
        <translation>%2 个章节中共 %1 处结果</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="369"/>
        <source>(only the first %1 are listed)</source>
        <translation>（仅列出前 %1 处）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="384"/>
        <source>Indexing the library: %1 / %2 — %3</source>
        <translation>正在为文库建立索引：%1 / %2 — %3</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="392"/>
        <source>file not found</source>
        <translation>找不到文件</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="395"/>
        <source>Not indexed: %1</source>
        <translation>未建立索引：%1</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="402"/>
        <source>Library indexed; %1 missing files were skipped.</source>
        <translation>文库索引已建好；跳过了 %1 个找不到的文件。</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../reader/models/search_results_model.py" line="148"/>
        <source>(before the first heading)</source>
        <extracomment>Custom roles. Sort keys of hit children (whole-word first, then by offset), for insertion. Child groups by name (documents by key, sections by path).</extracomment>
        <translation>（第一个标题之前）</translation>
    </message>
</context>
<context>
    <name>SectionTreeModel</name>
    <message>
        <location filename="../../reader/models/section_tree.py" line="144"/>
        <source>Contents</source>
        <extracomment>Data role giving the node&apos;s start offset in the document. Data role giving the node&apos;s kind (&quot;section&quot;, &quot;article&quot;, &quot;point&quot;, &quot;block&quot;). Data role giving how many highlights/bookmarks lie inside the node (0: none).</extracomment>
        <translation>目录</translation>
    </message>
</context>
<context>
    <name>UserDictionaryDialog</name>
    <message>
        <location filename="../../reader/gui/dialogs/user_dictionary.py" line="44"/>
        <source>User Dictionary</source>
        <extracomment>Longest word accepted (jieba&apos;s own dictionary tops out at 16 characters).</extracomment>
        <translation>用户词典</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/user_dictionary.py" line="51"/>
        <source>Words listed here are kept whole when Jingdu splits Chinese text into words (whole-word search, keywords), e.g. 固本强基.</source>
        <translation>精读对中文分词（整词搜索、关键词）时，这里列出的词不会被拆开，例如“固本强基”。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/user_dictionary.py" line="58"/>
        <source>New word</source>
        <translation>新词</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/user_dictionary.py" line="61"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/user_dictionary.py" line="65"/>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/user_dictionary.py" line="89"/>
        <source>No library file is open: words last until Jingdu closes.</source>
        <translation>资料库文件未打开：添加的词只在本次运行期间有效。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/user_dictionary.py" line="100"/>
        <source>Type a word first.</source>
        <translation>请先输入一个词。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/user_dictionary.py" line="103"/>
        <source>A word cannot contain spaces.</source>
        <translation>词中不能包含空格。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/user_dictionary.py" line="106"/>
        <source>“%1” is already in the dictionary.</source>
        <translation>“%1”已在词典中。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/user_dictionary.py" line="113"/>
        <source>Could not save the word: %1</source>
        <translation>无法保存该词：%1</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/user_dictionary.py" line="117"/>
        <source>Added “%1”.</source>
        <translation>已添加“%1”。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/user_dictionary.py" line="128"/>
        <source>Could not remove the word: %1</source>
        <translation>无法删除该词：%1</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../reader/app.py" line="93"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../reader/app.py" line="95"/>
        <source>Something went wrong inside Jingdu: %1

Your document and notes are safe. The details were written to %2; please include that file when you report the problem.</source>
        <translation>精读内部出现了问题：%1

您的文档和笔记不受影响。详细信息已写入 %2，反馈问题时请附上这个文件。</translation>
    </message>
    <message>
        <location filename="../../reader/app.py" line="206"/>
        <source>Library repaired</source>
        <translation>资料库已修复</translation>
    </message>
    <message>
        <location filename="../../reader/app.py" line="207"/>
        <source>Jingdu&apos;s library file was damaged and has been replaced by a new one. The damaged file was kept as %1.</source>
        <translation>精读的资料库文件已损坏，已用新文件代替。损坏的文件保存为 %1。</translation>
    </message>
    <message>
        <location filename="../../reader/app.py" line="219"/>
        <source>Library unavailable</source>
        <translation>无法打开资料库</translation>
    </message>
    <message>
        <location filename="../../reader/app.py" line="220"/>
        <source>Jingdu cannot open its library, so highlights, notes, bookmarks and reading positions will not be saved in this session.

%1

Check that the data folder exists and is writable, or close other programs using it, then restart Jingdu.</source>
        <translation>精读无法打开资料库，本次使用期间的高亮、笔记、书签和阅读位置将不会被保存。

%1

请检查数据文件夹是否存在且可写，或关闭正在使用它的其他程序，然后重新启动精读。</translation>
    </message>
</context>
<context>
    <name>highlight</name>
    <message>
        <location filename="../../reader/gui/highlight_actions.py" line="28"/>
        <source>Yellow</source>
        <extracomment>Stronger colours for scrollbar ticks (the pale text backgrounds vanish on the strip). Tick colour of bookmarks. Shortcuts of the five colours, in COLORS order (Ctrl+0 is the window&apos;s zoom reset).</extracomment>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../reader/gui/highlight_actions.py" line="29"/>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <location filename="../../reader/gui/highlight_actions.py" line="30"/>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../reader/gui/highlight_actions.py" line="31"/>
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <location filename="../../reader/gui/highlight_actions.py" line="32"/>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
</context>
</TS>
