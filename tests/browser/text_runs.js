// Text runs of a page's article, in document order, for tests/browser/test_reading.py:
// [text, href of the enclosing link or null, inside <abbr>, left out (heading, picture, code, sources)].
() => {
  const root = document.querySelector('article.md-content__inner');
  const runs = [];
  const BLOCK = /^(P|LI|TD|TH|H[1-6]|BLOCKQUOTE|FIGCAPTION|DIV|TR|TABLE|UL|OL|FIGURE|DT|DD|DETAILS|SUMMARY)$/;
  // A page's sources (their names, titles and passages as the sources wrote them) are citation apparatus, not text.
  const SKIP = 'h1,h2,h3,h4,h5,h6,svg,code,pre,.headerlink,.ex-figure,script,style,ol.notes,ul.sources,.src';
  const walk = node => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        const el = child.parentElement, link = el.closest('a');
        runs.push([child.data, link ? link.getAttribute('href') : null, !!el.closest('abbr'), !!el.closest(SKIP)]);
      } else if (child.nodeType === 1) {
        const block = BLOCK.test(child.tagName);
        if (block) runs.push(['\n', null, false, true]);
        walk(child);
        if (block) runs.push(['\n', null, false, true]);
      }
    }
  };
  walk(root);
  return runs;
}
