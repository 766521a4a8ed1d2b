"""Builders for tiny .docx and .epub files, written with zipfile in the tests themselves."""

from __future__ import annotations

import zipfile
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def zip_bytes(parts: dict[str, str | bytes], path: Path) -> Path:
    """Write ``parts`` into a zip at ``path`` (the first part stored, as EPUB wants)."""
    with zipfile.ZipFile(path, "w") as zf:
        for i, (name, content) in enumerate(parts.items()):
            data = content.encode("utf-8") if isinstance(content, str) else content
            zf.writestr(name, data, zipfile.ZIP_STORED if i == 0 else zipfile.ZIP_DEFLATED)
    return path


def w_para(text: str, style: str | None = None, extra_ppr: str = "") -> str:
    """A w:p with one run; "\\n" in ``text`` becomes w:br, "\\t" w:tab."""
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    runs = []
    for i, line in enumerate(text.split("\n")):
        if i:
            runs.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                runs.append("<w:tab/>")
            runs.append(f'<w:t xml:space="preserve">{chunk}</w:t>')
    return f"<w:p><w:pPr>{ppr}{extra_ppr}</w:pPr><w:r>{''.join(runs)}</w:r></w:p>"


STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/>
  <w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/>
  <w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="标题 3"/></w:style>
<w:style w:type="paragraph" w:styleId="MyChapter"><w:name w:val="My Chapter"/>
  <w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>
</w:styles>"""


def make_docx_file(
    path: Path,
    body: str,
    *,
    styles: str | None = STYLES,
    core_title: str | None = None,
    numbering: str | None = None,
) -> Path:
    """Write a minimal .docx whose body is ``body`` (w:p / w:tbl elements)."""
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types '
        'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships '
        'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>',
    }
    if styles is not None:
        parts["word/styles.xml"] = styles
    if numbering is not None:
        parts["word/numbering.xml"] = numbering
    if core_title is not None:
        parts["docProps/core.xml"] = (
            '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/'
            'package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{core_title}</dc:title></cp:coreProperties>"
        )
    return zip_bytes(parts, path)


CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles></container>"""


def xhtml(body: str, title: str = "") -> str:
    """An EPUB 2 style XHTML chapter (with the usual external DOCTYPE)."""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" '
        '"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{title}</title>'
        f"</head><body>{body}</body></html>"
    )


def make_epub_file(
    path: Path,
    chapters: list[tuple[str, str]],
    *,
    title: str = "书名",
    nav: list[tuple[str, str, int]] | None = None,
    ncx: list[tuple[str, str]] | None = None,
    extra: dict[str, str | bytes] | None = None,
    opf: str | None = None,
) -> Path:
    """Write an EPUB: ``chapters`` are (file name, xhtml); ``nav`` (href, title, depth)
    makes an EPUB 3 nav document; ``ncx`` (href, title) an EPUB 2 NCX."""
    items = "".join(
        f'<item id="c{i}" href="text/{name}" media-type="application/xhtml+xml"/>'
        for i, (name, _) in enumerate(chapters)
    )
    spine = "".join(f'<itemref idref="c{i}"/>' for i in range(len(chapters)))
    parts: dict[str, str | bytes] = {
        "mimetype": "application/epub+zip",
        "META-INF/container.xml": CONTAINER,
    }
    if nav is not None:
        items += (
            '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        )
        lis, depth = "", 0
        for href, label, d in nav:
            while depth < d:
                lis += "<ol>"
                depth += 1
            while depth > d:
                lis += "</ol>"
                depth -= 1
            lis += f'<li><a href="{href}">{label}</a></li>'
        lis += "</ol>" * depth
        parts["OEBPS/nav.xhtml"] = (
            '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" '
            'xmlns:epub="http://www.idpf.org/2007/ops"><body>'
            f'<nav epub:type="landmarks"><ol><li><a href="text/x.xhtml">封面</a></li></ol></nav>'
            f'<nav epub:type="toc"><h1>目录</h1>{lis}</nav></body></html>'
        )
    toc_attr = ""
    if ncx is not None:
        items += '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
        toc_attr = ' toc="ncx"'
        points = "".join(
            f'<navPoint id="p{i}"><navLabel><text>{label}</text></navLabel>'
            f'<content src="{href}"/></navPoint>'
            for i, (href, label) in enumerate(ncx)
        )
        parts["OEBPS/toc.ncx"] = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE ncx PUBLIC "-//NISO//DTD ncx '
            '2005-1//EN" "http://www.daisy.org/z3986/2005/ncx-2005-1.dtd">\n'
            '<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">'
            f"<navMap>{points}</navMap></ncx>"
        )
    parts["OEBPS/content.opf"] = opf or (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{title}</dc:title></metadata>"
        f"<manifest>{items}</manifest><spine{toc_attr}>{spine}</spine></package>"
    )
    for name, content in chapters:
        parts[f"OEBPS/text/{name}"] = content
    parts.update(extra or {})
    return zip_bytes(parts, path)
