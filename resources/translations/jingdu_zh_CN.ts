<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../reader/gui/dialogs/about.py" line="73"/>
        <source>About Jingdu</source>
        <translation>关于精读</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/about.py" line="82"/>
        <source>Version {0}</source>
        <translation>版本 {0}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/about.py" line="93"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/about.py" line="94"/>
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/about.py" line="114"/>
        <source>Close reading of long Chinese documents, by their section tree.</source>
        <translation>按章节目录精读长篇中文文档。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/about.py" line="115"/>
        <source>Licensed under the GNU General Public License, version 3 or later.</source>
        <translation>依据 GNU 通用公共许可证第 3 版或更高版本授权。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/about.py" line="118"/>
        <source>Qt {0}, PySide6 {1}, Python {2}</source>
        <translation>Qt {0}，PySide6 {1}，Python {2}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/about.py" line="121"/>
        <source>Your data: {0}</source>
        <translation>您的数据：{0}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/about.py" line="143"/>
        <source>Licence files are missing from this installation.</source>
        <translation>此安装中缺少许可证文件。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/gui/main_window.py" line="153"/>
        <source>Opening %1…</source>
        <extracomment>Encodings offered by File ▸ Reopen with Encoding when reader.core.encoding is absent. Milliseconds of quiet scrolling before the reading position is saved.</extracomment>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="230"/>
        <source>About Jingdu</source>
        <translation>关于精读</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="231"/>
        <source>Jingdu (精读) %1
A reader for long Chinese documents.</source>
        <translation>精读 %1
长篇中文文档阅读器。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="288"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="289"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="290"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="291"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="292"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="293"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="299"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="300"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="302"/>
        <source>Reopen with &amp;Encoding</source>
        <translation>以其他编码重新打开(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="307"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="308"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="310"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="315"/>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="323"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="327"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="333"/>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="336"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="338"/>
        <source>&amp;Light</source>
        <translation>明亮(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="338"/>
        <source>&amp;Sepia</source>
        <translation>护眼(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="338"/>
        <source>&amp;Dark</source>
        <translation>夜间(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="346"/>
        <source>&amp;Contents Panel</source>
        <translation>目录面板(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="354"/>
        <source>&amp;Next Section</source>
        <translation>下一节(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="361"/>
        <source>&amp;Previous Section</source>
        <translation>上一节(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="368"/>
        <source>Next Section at &amp;Same Level</source>
        <translation>同级下一节(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="375"/>
        <source>Previous Section at S&amp;ame Level</source>
        <translation>同级上一节(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="382"/>
        <source>&amp;Beginning</source>
        <translation>文档开头(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="384"/>
        <source>&amp;End</source>
        <translation>文档结尾(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="386"/>
        <source>User &amp;Guide</source>
        <translation>使用指南(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="387"/>
        <source>&amp;About Jingdu</source>
        <translation>关于精读(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="394"/>
        <source>(no recent files)</source>
        <translation>（没有最近打开的文件）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="433"/>
        <source>Documents (%1)</source>
        <translation>文档 (%1)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="435"/>
        <source>Text files</source>
        <translation>文本文件</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="436"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="437"/>
        <source>Web pages</source>
        <translation>网页</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="438"/>
        <source>Word documents</source>
        <translation>Word 文档</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="439"/>
        <source>EPUB books</source>
        <translation>EPUB 电子书</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="443"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="448"/>
        <source>Open Document</source>
        <translation>打开文档</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="487"/>
        <source>This file is empty.</source>
        <translation>这个文件是空的。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="490"/>
        <source>Opened %1 (%2 characters, %3)</source>
        <translation>已打开《%1》（%2 字，%3 编码）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="502"/>
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="511"/>
        <source>The file “%1” does not exist. It may have been moved, renamed or deleted.

Check where it is and open it again.</source>
        <translation>文件“%1”不存在，可能已被移动、改名或删除。

请确认文件位置后重新打开。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="515"/>
        <source>The file “%1” cannot be read because you do not have permission.

Ask its owner for access, or copy it to a folder of your own.</source>
        <translation>没有读取文件“%1”的权限。

请向文件所有者申请权限，或把它复制到您自己的文件夹中。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="519"/>
        <source>“%1” is a folder, not a file.

Choose a document inside it.</source>
        <translation>“%1”是文件夹，不是文件。

请选择其中的文档。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="522"/>
        <source>The file “%1” is not a text document (it contains binary data).

Jingdu opens text, Markdown, HTML, Word (.docx) and EPUB files.</source>
        <translation>文件“%1”不是文本文档（其中含有二进制数据）。

精读可以打开纯文本、Markdown、HTML、Word（.docx）和 EPUB 文件。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="526"/>
        <source>The text of “%1” could not be decoded in any supported encoding.

Try File ▸ Reopen with Encoding, or save it as UTF-8 in another editor.</source>
        <translation>无法用任何支持的编码解读文件“%1”的文字。

请尝试“文件 ▸ 以其他编码重新打开”，或在其他编辑器中将它另存为 UTF-8 编码。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="530"/>
        <source>The file “%1” is too large to open.

Split it into smaller files.</source>
        <translation>文件“%1”太大，无法打开。

请把它拆分成几个较小的文件。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="533"/>
        <source>The file “%1” is damaged or not in the format its name suggests.

Try to get a fresh copy of it.</source>
        <translation>文件“%1”已损坏，或者它的实际格式与扩展名不符。

请重新获取一份完好的文件。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="537"/>
        <source>Jingdu cannot read files like “%1”.

Save it as text (.txt) and open that.</source>
        <translation>精读无法读取“%1”这类文件。

请将它另存为纯文本（.txt）后再打开。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="540"/>
        <source>The file “%1” could not be read because of a system error.

Check the disk or network drive and try again.</source>
        <translation>由于系统错误，无法读取文件“%1”。

请检查磁盘或网络驱动器后重试。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="545"/>
        <source>Details: %1</source>
        <translation>详细信息：%1</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="582"/>
        <source>%1% read</source>
        <translation>已读 %1%</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="608"/>
        <source>Zoom %1%</source>
        <translation>缩放 %1%</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="647"/>
        <source>Jingdu</source>
        <translation>精读</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <location filename="../../reader/gui/reading_view.py" line="176"/>
        <source>This file is empty.</source>
        <extracomment>Documents up to this many characters are shown whole. Chunk sizes (characters) for windowed documents; chunks end at a section start when one lies between MIN and MAX, else at a paragraph end after TARGET. Chunks kept on each side of the chunk being read. Zoom limits, in steps of 10 %. Pixels left above the line that a jump brings to the top. Line pitch of body text, in em (CJK fonts&apos; natural spacing is ~1.3–1.5 em). Heading size relative to body text, by level (deeper levels: 1.0). Paragraphs that bring their own indent (novels often start lines with &quot; &quot;). Runs of empty lines, which would otherwise each take a full line pitch.</extracomment>
        <translation>这个文件是空的。</translation>
    </message>
</context>
<context>
    <name>SectionTreeModel</name>
    <message>
        <location filename="../../reader/models/section_tree.py" line="126"/>
        <source>Contents</source>
        <extracomment>Data role giving the node&apos;s start offset in the document. Data role giving the node&apos;s kind (&quot;section&quot;, &quot;article&quot;, &quot;point&quot;, &quot;block&quot;).</extracomment>
        <translation>目录</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../reader/app.py" line="86"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../reader/app.py" line="88"/>
        <source>Something went wrong inside Jingdu: %1

Your document and notes are safe. The details were written to %2; please include that file when you report the problem.</source>
        <translation>精读内部出现了问题：%1

您的文档和笔记不受影响。详细信息已写入 %2，反馈问题时请附上这个文件。</translation>
    </message>
    <message>
        <location filename="../../reader/app.py" line="164"/>
        <source>Library repaired</source>
        <translation>资料库已修复</translation>
    </message>
    <message>
        <location filename="../../reader/app.py" line="165"/>
        <source>Jingdu&apos;s library file was damaged and has been replaced by a new one. The damaged file was kept as %1.</source>
        <translation>精读的资料库文件已损坏，已用新文件代替。损坏的文件保存为 %1。</translation>
    </message>
</context>
</TS>
