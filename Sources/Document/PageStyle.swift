/// The page's stylesheet: GOV.UK-like colours with AA contrast, tabular numbers, a focus
/// style for keyboard users and a print stylesheet (one section per page).
public enum PageStyle {
    public static let css = """
    body { font-family: Arial, Helvetica, sans-serif; color: #0B0C0C; background: #FFFFFF; line-height: 1.5; margin: 0 auto; max-width: 58rem; padding: 0 1rem 2rem; }
    a { color: #1D70B8; } a:focus { outline: 3px solid #FFDD00; background: #FFDD00; color: #0B0C0C; }
    .skip-link { position: absolute; left: -9999px; } .skip-link:focus { position: static; display: inline-block; padding: 0.5rem; }
    .kicker { color: #505A5F; margin-bottom: 0; }
    .banner { border-left: 6px solid #801650; background: #F3F2F1; padding: 0.75rem; }
    .note { border-left: 4px solid #1D70B8; padding-left: 0.75rem; }
    blockquote { border-left: 6px solid #801650; background: #F3F2F1; padding: 0.75rem; margin: 1rem 0; }
    table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
    .table-scroll { overflow-x: auto; } .table-scroll:focus { outline: 3px solid #FFDD00; }
    caption { text-align: left; font-weight: bold; padding-bottom: 0.5rem; }
    th, td { border-bottom: 1px solid #B1B4B6; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; }
    figcaption, .key { color: #505A5F; font-size: 0.9rem; }
    td code { font-size: 0.75rem; word-break: break-all; }
    @media print {
      body { max-width: none; } nav, .skip-link { display: none; }
      section { break-before: page; } #summary, section[aria-labelledby="summary"] { break-before: auto; }
      figure, table { break-inside: avoid; } a { color: #0B0C0C; text-decoration: none; }
    }

    """
}
