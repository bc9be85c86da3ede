package site

// stylesheet is the site's style.css. Lessons stand wider than the text on
// a wide screen, with one column per program; tabs are four columns wide,
// as in the terminal; the colours of Go code follow the terminal's theme
// (keywords magenta, strings green, comments grey, numbers cyan), and
// transcripts colour each side as the terminal's gutter does (server cyan,
// client magenta), failures red. A line of a "right" program that differs
// from its "wrong" one has a band of colour and a "+" (added) or "~"
// (changed) in the margin, drawn by CSS so that the code copies as it is.
const stylesheet = `body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #222; background: #fdfdfd; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
nav { margin: 1rem 0; font-size: 0.9rem; }
code, pre { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 0.9rem; }
pre { background: #f4f4f4; padding: 0.75rem 1rem; overflow-x: auto; border-radius: 4px; tab-size: 4; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #ccc; padding: 0.3rem 0.6rem; text-align: left; }
blockquote { border-left: 4px solid #4a7bd0; margin: 1rem 0; padding: 0.2rem 1rem; background: #f3f6fc; }
section.lesson { border: 1px solid #bbb; border-radius: 6px; padding: 0 1rem 1rem; margin: 1.5rem 0; }
section.lesson h4 { margin: 0.8rem 0 0.3rem; font-size: 0.9rem; color: #555; }
.programs { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 1.5rem; }
.program { min-width: 0; }
.kw { color: #a626a4; }
.str { color: #3f8a3a; }
.com { color: #7a7a7a; font-style: italic; }
.num { color: #0f7fa8; }
pre.diff { position: relative; padding-left: 2rem; }
pre.diff .added, pre.diff .changed { display: inline-block; min-width: 100%; }
pre.diff .added { background: #e3f4e1; }
pre.diff .changed { background: #fbf0cf; }
pre.diff .added::before, pre.diff .changed::before { position: absolute; left: 0.8rem; font-weight: bold; }
pre.diff .added::before { content: "+"; color: #2a7a2a; }
pre.diff .changed::before { content: "~"; color: #946200; }
.diff-summary, .caption { margin: 0 0 0.3rem; font-size: 0.85rem; font-style: italic; color: #555; }
pre.transcript { background: #1e1e1e; color: #ddd; }
pre.transcript .gutter { font-weight: bold; }
pre.transcript .server { color: #7fdbff; }
pre.transcript .client { color: #f5a3f0; }
pre.transcript .runner { color: #d0d0d0; }
pre.transcript .net { color: #ffd866; }
pre.transcript .fail { color: #ff6b6b; font-weight: bold; }
@media (min-width: 84rem) {
  section.lesson { margin-left: calc(50% - 40rem); margin-right: calc(50% - 40rem); }
  .programs { grid-template-columns: none; grid-auto-flow: column; grid-auto-columns: minmax(0, 1fr); }
}
`
