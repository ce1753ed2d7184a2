import Testing
import WutongModel

@testable import WutongSolver

/// The compiler works out each distinct ask once (venue needs, windows, roles) and hands the
/// result to every activity that asks the same. Whatever is shared, each activity's lists must
/// be what the season says for that activity alone.
@Suite struct CompiledListsTests {
    /// A generated season whose activities ask for many different things, a few of each, so
    /// that most asks are shared and some differ in one detail only.
    static func variedSeason(seed: UInt64) -> Season {
        var season = SyntheticSeason.generate(activities: 80, seed: seed)
        var random = SeededGenerator(seed: seed &* 7 &+ 3)
        func pick(_ count: Int) -> Int { Int(random.next() % UInt64(count)) }
        let venueIDs = season.venues.map(\.id)
        let partnerIDs = season.partners.map(\.id)
        let kinds: [VenueKind] = [.concertHall, .schoolHall, .outdoorPlaza, .library]
        let items: [Equipment] = [.piano, .stage, .sound, .projector]
        for index in season.activities.indices {
            var activity = season.activities[index]
            switch pick(6) {
            case 0:
                activity.eligibility.venues = [
                    venueIDs[pick(venueIDs.count)], venueIDs[pick(venueIDs.count)], "nowhere",
                ]
            case 1: activity.eligibility.grids = [season.grids[pick(season.grids.count)].id]
            case 2: activity.eligibility.kinds = [kinds[pick(kinds.count)], kinds[pick(kinds.count)]]
            case 3: activity.eligibility.setting = pick(2) == 0 ? .indoor : .outdoor
            default: break
            }
            activity.eligibility.source = SourceSpan(file: "season.xml", line: index + 1, column: 3)
            if pick(2) == 0 { activity.equipment = [items[pick(items.count)]] }
            activity.audienceSize = [20, 60, 150, 400][pick(4)]
            if pick(4) == 0, !activity.roles.isEmpty {
                activity.roles[0].candidates = [
                    partnerIDs[pick(partnerIDs.count)], partnerIDs[pick(partnerIDs.count)], "nobody",
                ]
            }
            if pick(5) == 0 {
                activity.forbidden = [
                    LocalPeriod(start: LocalDateTime("2027-03-10T00:00")!, end: LocalDateTime("2027-03-20T00:00")!)
                ]
            }
            if pick(4) == 0 {
                activity.windows = [
                    WeeklyWindow(days: [.sat, .sun], from: TimeOfDay("10:00")!, to: TimeOfDay("\(17 + pick(4)):00")!)
                ]
            }
            if pick(3) == 0 { activity.setupMinutes = 30 * pick(3) }
            season.activities[index] = activity
        }
        season.equipmentPools = [EquipmentPool(id: "sound", name: "Sound", provides: .sound, count: 1)]
        return season
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func everyActivitysCandidateVenuesAndPartnersAreItsOwn(seed: UInt64) throws {
        let season = Self.variedSeason(seed: seed)
        let problem = try CompiledProblem<Int16>(season: season)
        let pooled: Set<Equipment> = [.sound]
        for (index, activity) in season.activities.enumerated() {
            let venues = season.venues.indices.filter { venue in
                let place = season.venues[venue]
                return activity.eligibility.admits(place) && place.capacity >= activity.audienceSize
                    && activity.equipment.subtracting(place.equipment).isSubset(of: pooled)
            }
            #expect(problem.candidateVenues[index] == venues, "activity \(activity.id)")
            let roles = problem.requirements[index]
            #expect(roles.map(\.count) == activity.roles.map(\.count))
            #expect(
                roles.map(\.candidates)
                    == activity.roles.map { role in season.partners.indices.filter { role.admits(season.partners[$0]) }
                    },
                "activity \(activity.id)")
        }
        // The asks are shared: fewer distinct venue lists than activities.
        #expect(Set(problem.candidateVenues).count < season.activities.count / 2)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func everyActivitysCandidateStartsAreItsOwn(seed: UInt64) throws {
        let season = Self.variedSeason(seed: seed)
        let problem = try CompiledProblem<Int16>(season: season)
        let grid = problem.grid
        let audiences = Dictionary(uniqueKeysWithValues: season.audiences.map { ($0.id, $0) })
        for (index, activity) in season.activities.enumerated() {
            let before = grid.slots(covering: activity.setupMinutes)
            let after = grid.slots(covering: activity.durationMinutes + activity.teardownMinutes)
            let starts = (0..<problem.slotCount).filter { slot in
                let inDay = slot % grid.slotsPerDay
                guard grid.usableDays[slot / grid.slotsPerDay], inDay >= before, inDay + after <= grid.slotsPerDay
                else { return false }
                let start = problem.minute(ofSlot: slot)
                let end = start + activity.durationMinutes
                let groups = activity.audiences.compactMap { audiences[$0] }.filter { !$0.windows.isEmpty }
                return groups.allSatisfy { Windows.inside($0.windows, from: start, to: end) }
                    && (activity.windows.isEmpty || Windows.inside(activity.windows, from: start, to: end))
                    && !activity.forbidden.contains {
                        ($0.start.minuteNumber..<$0.end.minuteNumber).overlaps(start..<end)
                    }
            }
            #expect(problem.candidateStarts[index] == starts, "activity \(activity.id)")
            let flagged = (0..<problem.slotCount).filter { problem.candidateStartMask[index, $0] }
            #expect(flagged == starts)
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func everyActivitysVenueFitsAndTimeFlagsAreItsOwn(seed: UInt64) throws {
        let season = Self.variedSeason(seed: seed)
        let problem = try CompiledProblem<Int16>(season: season)
        let facts = try SearchFacts(problem: problem)
        for (index, activity) in season.activities.enumerated() {
            for (venue, place) in season.venues.enumerated() {
                let fit = facts.fit(index, venue: venue)
                #expect(fit.ineligible == !activity.eligibility.admits(place), "activity \(activity.id)")
                let missing = activity.equipment.subtracting(place.equipment)
                #expect(Int(fit.equipmentMissing) == missing.subtracting([.sound]).count)
                #expect(
                    facts.poolsUsed(index, venue: venue).map { season.equipmentPools[$0].provides }
                        == (missing.contains(.sound) ? [.sound] : []))
            }
            let checks = TimeFlags.Checks(problem: problem, activity: index)
            for slot in 0..<problem.slotCount {
                #expect(facts.timeFlags[index, slot] == checks.flags(startMinute: problem.minute(ofSlot: slot)))
            }
        }
        #expect(facts.venueFit.distinctRows <= Set(season.activities.map(VenueNeeds.init)).count)
        #expect(facts.timeFlags.distinctRows < season.activities.count / 2)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func rowsBuiltByKeyAreTheRowsBuiltFlat(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let width = 1 + Int(random.next() % 20)
        // Six keys, of which two give the same row: equal rows are stored once either way.
        let rowOfKey = (0..<6).map { key in
            key == 5 ? [Int32](repeating: 9, count: width) : (0..<width).map { _ in Int32(random.next() % 4) }
        }
        let keyed = rowOfKey.indices.map { key in key == 4 ? rowOfKey[5] : rowOfKey[key] }
        let keys = (0..<300).map { _ in Int(random.next() % 6) }
        var calls = 0
        let rows = SharedRows(keys: keys, width: width) { key in
            calls += 1
            return keyed[key]
        }
        let flat = SharedRows(flat: keys.flatMap { keyed[$0] }, width: width)
        #expect(calls == Set(keys).count, "one row per distinct key")
        #expect(rows.distinctRows == flat.distinctRows)
        for entity in keys.indices {
            for column in 0..<width { #expect(rows[entity, column] == keyed[keys[entity]][column]) }
        }
    }
}
