import CGLPK
import Foundation

/// The exact audit of a controlled ``CountTable``, by linear programming (GLPK's simplex,
/// as sdcTable audits its tables): every published count is fixed at its value (or, when
/// counts are rounded, held within what rounds to it), every
/// hidden one is a variable of at least 0, and every relation (a breakdown and its total,
/// months and their year, a year's months nested in a longer total) is an equation. For
/// each hidden count of 1 to 5 the audit minimises and maximises it over everything
/// published at once; the range it could take must be at least 5 wide, or the count is
/// exposed. Propagating bounds relation by relation (``DisclosureAttack``) misses totals
/// nested in totals: a year's total less the same months a year earlier less the months
/// shown after them gives back a hidden month; the audit does not.
///
///     let exposed = DisclosureAudit(table: t).exposed()   // cells to protect further
public struct DisclosureAudit {
    public let table: CountTable
    /// The narrowest range a hidden count of 1 to 5 may have: what `c` itself says (1 to 5,
    /// or 0 to 5 when zeros are hidden too) is 5 wide.
    public static let minimumWidth = 5.0

    public init(table: CountTable) { self.table = table }

    /// What an attacker can learn of each hidden count, given everything published: its
    /// smallest and largest possible values (∞ where nothing bounds it from above).
    public func ranges(of cells: [Int]) -> [Int: (low: Double, high: Double)] {
        guard !cells.isEmpty else { return [:] }
        Self.lock.lock()
        defer { Self.lock.unlock() }
        glp_term_out(GLP_OFF)
        let related = Set(table.relations.flatMap { $0.parts + [$0.total] })
        let columns = Array(related.union(cells)).sorted()
        let column = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, Int32($0 + 1)) })
        let lp = glp_create_prob()!
        // GLPK keeps an environment per thread until told to free it: freed after every
        // audit, so a worker thread that ends leaves nothing behind.
        defer {
            glp_delete_prob(lp)
            glp_free_env()
        }
        glp_add_cols(lp, Int32(columns.count))
        for (i, cell) in columns.enumerated() {
            if let known = table.publishedRange(cell) {
                // Exact, or anywhere its rounding allows.
                let (low, high) = (Double(known.lowerBound), Double(known.upperBound))
                glp_set_col_bnds(lp, Int32(i + 1), low == high ? GLP_FX : GLP_DB, low, high)
            } else {
                glp_set_col_bnds(lp, Int32(i + 1), GLP_LO, 0, 0)
            }
        }
        // One row per relation: parts − total = 0. GLPK's arrays count from 1.
        var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
        if !table.relations.isEmpty {
            glp_add_rows(lp, Int32(table.relations.count))
            for (r, relation) in table.relations.enumerated() {
                glp_set_row_bnds(lp, Int32(r + 1), GLP_FX, 0, 0)
                var coefficients: [Int: Double] = [:]
                for part in relation.parts { coefficients[part, default: 0] += 1 }
                coefficients[relation.total, default: 0] -= 1
                for (cell, a) in coefficients.sorted(by: { $0.key < $1.key }) where a != 0 {
                    ia.append(Int32(r + 1))
                    ja.append(column[cell]!)
                    ar.append(a)
                }
            }
            glp_load_matrix(lp, Int32(ia.count - 1), ia, ja, ar)
        }
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        var out: [Int: (low: Double, high: Double)] = [:]
        for cell in cells {
            let j = column[cell]!
            glp_set_obj_coef(lp, j, 1)
            var bounds: [Double] = []
            for direction in [GLP_MIN, GLP_MAX] {
                glp_set_obj_dir(lp, direction)
                let failed = glp_simplex(lp, &parameters) != 0
                let status = glp_get_status(lp)
                if direction == GLP_MAX, status == GLP_UNBND {
                    bounds.append(.infinity)
                } else if !failed, status == GLP_OPT {
                    bounds.append(glp_get_obj_val(lp))
                } else {
                    // No answer is treated as no protection: the cell counts as exposed.
                    bounds.append(Double(table.values[cell]))
                }
            }
            glp_set_obj_coef(lp, j, 0)
            out[cell] = (bounds[0], bounds[1])
        }
        return out
    }

    /// Hidden counts of 1 to 5 (of children: records are not protected) whose range is
    /// narrower than ``minimumWidth``.
    public func exposed() -> [Int] {
        let small = table.values.indices.filter { table.protected[$0] && table.isSuppressed($0) && (1..<CountTable.threshold).contains(table.values[$0]) }
        let found = ranges(of: small)
        return small.filter { cell in
            guard let r = found[cell] else { return true }
            return r.high - r.low < Self.minimumWidth - 1e-6
        }
    }

    /// GLPK keeps its state per thread in some builds and globally in others: one audit at
    /// a time, whatever the build (batch builds control chapters in parallel).
    static let lock = NSLock()
}
