/// Synthetic seasons of any size for benchmarks and property tests: valid by construction,
/// reproducible from the seed. Venues and partners grow with the number of activities so the
/// season stays plausible.
public enum SyntheticSeason {
    /// Where the venues stand.
    public enum Spread: String, Sendable, CaseIterable {
        /// In one 1.1 × 1.4 km box, however many there are: a larger season is a denser street.
        case street
        /// In a box that grows with the venues, at the density of the 12-venue street: a larger
        /// season covers more of a city, and each venue keeps about as many near neighbours.
        case city
    }

    public static func generate(activities count: Int, seed: UInt64, spread: Spread = .street) -> Season {
        var random = SeededGenerator(seed: seed)
        let gridCount = 4
        let grids = (1...gridCount).map { Grid(id: "g\($0)", name: "Grid \($0)", targetShare: 25) }
        let audiences = [
            AudienceGroup(id: "public", name: "Public"),
            AudienceGroup(
                id: "minors", name: "Minors",
                windows: [
                    WeeklyWindow(days: [.sat, .sun], from: TimeOfDay("09:00")!, to: TimeOfDay("20:00")!),
                    WeeklyWindow(
                        days: [.mon, .tue, .wed, .thu, .fri], from: TimeOfDay("16:00")!, to: TimeOfDay("20:00")!),
                ]),
            AudienceGroup(
                id: "elderly", name: "Elderly",
                windows: [WeeklyWindow(from: TimeOfDay("09:00")!, to: TimeOfDay("17:00")!)]),
            AudienceGroup(
                id: "office", name: "Office workers",
                windows: [
                    WeeklyWindow(
                        days: [.mon, .tue, .wed, .thu, .fri], from: TimeOfDay("12:00")!, to: TimeOfDay("13:30")!)
                ]),
        ]
        let venueCount = max(12, count / 15)
        // The same draws either way, so the spread moves the venues and changes nothing else.
        let scale = spread == .city ? (Double(venueCount) / 12).squareRoot() : 1
        let kinds = VenueKind.allCases
        let venues = (0..<venueCount).map { index -> Venue in
            let kind = kinds[index % kinds.count]
            let outdoor = [.outdoorPlaza, .streetCorner, .market, .residentialLane].contains(kind)
            var equipment: Set<Equipment> = [.stepFree]
            if index % 3 == 0 { equipment.insert(.piano) }
            if index % 2 == 0 { equipment.insert(.sound) }
            if index % 4 == 0 { equipment.insert(.stage) }
            return Venue(
                id: "v\(index + 1)", name: "Venue \(index + 1)", kind: kind, grid: "g\(index % gridCount + 1)",
                capacity: [40, 80, 150, 300, 600][index % 5], setting: outdoor ? .outdoor : .indoor,
                residential: kind == .residentialCourtyard || kind == .residentialLane, equipment: equipment,
                location: Coordinate(
                    latitude: 31.205 + Double(Int(random.next(upperBound: UInt64(1000)))) * scale / 100_000,
                    longitude: 121.44 + Double(Int(random.next(upperBound: UInt64(1500)))) * scale / 100_000),
                openingHours: [WeeklyWindow(from: TimeOfDay("08:00")!, to: TimeOfDay("22:00")!)],
                quietHours: kind == .residentialCourtyard || kind == .residentialLane
                    ? [WeeklyWindow(from: TimeOfDay("21:00")!, to: TimeOfDay("08:00")!)] : [])
        }
        let partnerCount = max(46, count / 8)
        let roles = PartnerRole.allCases
        let partners = (0..<partnerCount).map { index in
            PartnerUnit(
                id: "p\(index + 1)", name: "Partner \(index + 1)",
                roles: [roles[index % roles.count], roles[(index + 2) % roles.count]],
                weeklyLimit: 3 + index % 4, offeredSessions: 5 + index % 10,
                homeVenues: ["v\(index % venueCount + 1)"])
        }
        let projects = (1...10).map { Project(id: "project-\($0)", name: "Project \($0)") }
        // Larger seasons have more audience groups (classes, clubs), as ITC-2007 has curricula:
        // one group per 40 activities, and only one activity in 50 for the four standard groups
        // (whose narrow windows could not hold more), keeps `audience-conflict` satisfiable.
        let extraGroups = max(0, count / 40 - 1)
        let groups = audiences + (0..<extraGroups).map { AudienceGroup(id: "group-\($0 + 1)", name: "Group \($0 + 1)") }
        let activities = (0..<count).map { index -> Activity in
            let audience =
                extraGroups == 0
                ? audiences[index % audiences.count]
                : index % 50 == 0
                    ? audiences[index / 50 % audiences.count] : groups[audiences.count + index % extraGroups]
            let duration = audience.id == "office" ? 60 : [60, 90, 120][Int(random.next(upperBound: UInt64(3)))]
            let role = roles[Int(random.next(upperBound: UInt64(roles.count)))]
            return Activity(
                id: "a\(index + 1)", name: "Activity \(index + 1)",
                kind: index % 3 == 2 ? .practice : .projectEvent(project: "project-\(index % 10 + 1)"),
                durationMinutes: duration, setupMinutes: audience.id == "office" ? 0 : 30,
                sessions: 1 + Int(random.next(upperBound: UInt64(4))), minGapDays: 7, audiences: [audience.id],
                audienceSize: [20, 40, 60, 100, 250][Int(random.next(upperBound: UInt64(5)))],
                equipment: index % 5 == 0 ? [.piano] : (index % 7 == 0 ? [.sound] : []),
                roles: [RoleRequirement(role: role)],
                preferred: index % 2 == 0
                    ? [WeeklyWindow(days: [.sat, .sun], from: TimeOfDay("14:00")!, to: TimeOfDay("20:00")!)] : [],
                amplified: index % 7 == 0, priority: 1 + index % 3)
        }
        return Season(
            id: "synthetic-\(count)-\(seed)" + (spread == .city ? "-city" : ""),
            name: "Synthetic season (\(count) activities, seed \(seed)\(spread == .city ? ", city" : ""))",
            calendar: SeasonCalendar(
                timeZone: "Asia/Shanghai", start: LocalDate(year: 2027, month: 3, day: 1)!,
                end: LocalDate(year: 2027, month: 5, day: 31)!, slotMinutes: 30, dayStart: TimeOfDay("08:00")!,
                dayEnd: TimeOfDay("22:00")!,
                blackouts: [
                    Blackout(
                        from: LocalDate(year: 2027, month: 4, day: 5)!, to: LocalDate(year: 2027, month: 4, day: 5)!,
                        reason: "Qingming"),
                    Blackout(
                        from: LocalDate(year: 2027, month: 5, day: 1)!, to: LocalDate(year: 2027, month: 5, day: 5)!,
                        reason: "Labour Day"),
                ]),
            grids: grids, audiences: groups, venues: venues, partners: partners, projects: projects,
            equipmentPools: [
                EquipmentPool(id: "portable-sound", name: "Portable sound systems", provides: .sound, count: 2)
            ],
            activities: activities)
    }
}
