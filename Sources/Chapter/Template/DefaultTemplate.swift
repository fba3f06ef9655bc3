/// The chapter template `jsna init` writes: the sections of a JSNA chapter, with the
/// analyst's prose to write and jsna's data blocks already in place.
public enum DefaultTemplate {
    public static let text = """
        {{! Your chapter. Write the prose; keep or move the tags. jsna rebuilds every tag from the data:
            double braces insert text (escaped), triple braces insert a chart or table. A tag that names nothing is an error. }}
        # Safeguarding children in {{authority.name}}, {{period}}

        ## Summary

        {{{key_messages}}}

        *Write two or three sentences on what matters most for {{authority.name}} this year.*

        ## Introduction

        *Why this chapter matters, who it is for, and what has changed since last year.*

        ## Who is at risk and why

        {{factors.summary}}

        {{{chart.factors}}}

        {{{table.factors}}}

        *Describe the local picture behind these factors.*

        ## Level of need

        {{indicator.referrals_rate.sentence}} {{indicator.referrals_rate.details}}

        {{{chart.referrals_rate.trend}}}

        {{{table.referrals_rate.trend}}}

        {{indicator.nfa_pct.sentence}}
        {{indicator.cin_rate.sentence}}

        {{#has_local}}
        ### This year so far

        {{{local.section}}}
        {{/has_local}}

        ## Services and use

        {{indicator.s47_rate.sentence}}
        {{indicator.icpc_15_days_pct.sentence}}
        {{indicator.cpp_rate.sentence}} {{indicator.cpp_rate.details}}

        {{{chart.cpp_rate.trend}}}

        {{#has_pathway}}
        ### The pathway this year

        {{{pathway.section}}}
        {{/has_pathway}}

        {{indicator.cla_rate.sentence}}
        {{indicator.caseload_fte.sentence}}
        {{indicator.turnover_pct.sentence}}
        {{indicator.agency_pct.sentence}}

        ## How {{authority.name}} compares

        {{{chart.spine}}}

        {{{table.sn_comparison}}}

        ## Unmet need

        {{indicator.rereferrals_pct.sentence}}
        {{indicator.cpp_subsequent_pct.sentence}}
        {{indicator.cpp_2_years_pct.sentence}}

        *What the re-referral and repeat-plan figures suggest about need that is not being met.*

        ## What works

        *Evidence and local practice that the partnership should build on.*

        ## Recommendations

        *Numbered, owned and timed recommendations for the partnership.*

        ## Data notes

        {{{data_notes}}}

        ## Methods

        {{{methods}}}

        ## Sources

        {{{sources}}}

        """

    /// The jsna.yml `jsna init` writes.
    public static func config(la: String, data: [String]) -> String {
        """
        # jsna chapter project. Paths are relative to this file.
        # Next year: change `year`, run `jsna build --config jsna.yml`, done.
        la: "\(la)"
        year: latest          # a census year such as 2025 or "2024-25"; latest = the newest in the data
        data:
        \(data.map { "  - \($0)" }.joined(separator: "\n"))
        sn_model: "2025"      # or "2021"
        template: chapter.md  # your chapter; delete this line for jsna's standard chapter
        allow_html: false     # true lets raw HTML in your prose through unescaped
        out: output
        # extract: referrals.csv   # the council's own Annex A List 3 extract, for "this year so far"
        # docx: true               # also chapter.docx for Word (needs pandoc and rsvg-convert: make docx-deps)
        # xlsx: true               # also chapter.xlsx: every figure, a sheet per indicator, notes
        # reference_docx: house-style.docx   # your council's Word styles for chapter.docx
        # trend_years: 10          # years in each trend table and chart, 2 to 10 (default 5)
        # strict: true             # stop when the extract looks incomplete or wrongly mapped

        """
    }
}
