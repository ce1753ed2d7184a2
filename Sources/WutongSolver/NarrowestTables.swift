extension Solver {
    /// `sixteen()`, or `thirtyTwo()` when a number of the season does not fit 16 bits: the two
    /// widths of the search's tables, tried narrowest first. 32 bits hold every number the
    /// season format allows.
    static func narrowestTables<Result>(
        sixteen: () throws(TableOverflow) -> Result, thirtyTwo: () throws(TableOverflow) -> Result
    ) -> Result {
        do {
            return try sixteen()
        } catch {
            do {
                return try thirtyTwo()
            } catch {
                preconditionFailure("a number of the season (\(error.value)) does not fit in 32 bits")
            }
        }
    }
}

extension Duration {
    /// The duration in seconds, as the solver reports its times.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
