#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One chunk's counters for every month of every census year, in one flat table of zeros:
/// per month, the referrals, those with no further action, six age bands, and a count for
/// each of the first 32 labels of gender, ethnicity and source (any further label, in a
/// dictionary). A row adds to its month with plain pointer arithmetic: no array is checked
/// for sharing or grown, nothing is hashed. The table is reserved, not touched, so only the
/// months a file holds take memory.
///
/// Counters are 32 bits, so a month is 416 bytes and five years of months (26 KB) stay in
/// a core's first-level cache while rows stream past; with 64-bit counters and 64 labels
/// the same years were 96 KB and every count waited on the next cache level. A count
/// would need over 4 billion referrals in one month of one chunk to pass 32 bits, and the
/// addition stops the program rather than wrap.
final class MonthCounters {
    enum Column: Int { case gender = 0, ethnicity, source }
    static let labels = 32
    static let stride = 8 + 3 * labels
    /// Census years the table covers: referral dates are 1990 to today.
    static let firstCensus = 1990, censusYears = 120
    static let slots = censusYears * 12

    private let table: UnsafeMutablePointer<UInt32>
    /// Labels past the first 64 of a column: (slot × 3 + column) << 32 | label id → count.
    private var overflow: [Int: Int] = [:]

    init() {
        table = calloc(Self.slots * Self.stride, MemoryLayout<UInt32>.stride)!.assumingMemoryBound(to: UInt32.self)
    }

    deinit { free(table) }

    /// Where a month's counters are: month index 0 = April.
    @inline(__always)
    static func slot(census: Int, month: Int) -> Int { (census - firstCensus) * 12 + month }

    /// A slot's month as a key: census year × 100 + month index (0 = April).
    static func key(_ slot: Int) -> Int { (firstCensus + slot / 12) * 100 + slot % 12 }

    @inline(__always) func addReferral(_ slot: Int) { table[slot * Self.stride] += 1 }
    @inline(__always) func addNoFurtherAction(_ slot: Int) { table[slot * Self.stride + 1] += 1 }
    @inline(__always) func addAge(_ slot: Int, _ band: Int) { table[slot * Self.stride + 2 + band] += 1 }

    @inline(__always)
    func addLabel(_ slot: Int, _ column: Column, _ id: Int) {
        if id < Self.labels {
            table[slot * Self.stride + 8 + column.rawValue * Self.labels + id] += 1
        } else {
            overflow[(slot * 3 + column.rawValue) << 32 | id, default: 0] += 1
        }
    }

    func referrals(_ slot: Int) -> Int { Int(table[slot * Self.stride]) }
    func noFurtherAction(_ slot: Int) -> Int { Int(table[slot * Self.stride + 1]) }
    func ages(_ slot: Int) -> [Int] { (0..<6).map { Int(table[slot * Self.stride + 2 + $0]) } }

    /// A column's counts for a month, by label id (`count` ids).
    func labels(_ slot: Int, _ column: Column, count: Int) -> [Int] {
        (0..<count).map { id in
            id < Self.labels ? Int(table[slot * Self.stride + 8 + column.rawValue * Self.labels + id]) : overflow[(slot * 3 + column.rawValue) << 32 | id] ?? 0
        }
    }
}
