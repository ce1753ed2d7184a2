import Testing

@testable import WutongModel

/// Generated seasons: valid, and with their venues where the spread puts them.
@Suite struct SyntheticSeasonTests {
    /// Mean number of other venues within `metres` of a venue.
    static func nearNeighbours(_ season: Season, within metres: Double) -> Double {
        let venues = season.venues
        let pairs = venues.indices.reduce(0) { count, index in
            count
                + venues.indices.filter {
                    $0 != index && venues[$0].location.metres(to: venues[index].location) <= metres
                }.count
        }
        return Double(pairs) / Double(venues.count)
    }

    /// On a street every venue stands in the same box, so a larger season is denser; in a
    /// city the box grows with the venues and each keeps about as many near neighbours as on
    /// the 12-venue street.
    @Test func aCitysVenuesKeepTheStreetsDensityAndAStreetsGetDenser() {
        let small = SyntheticSeason.generate(activities: 40, seed: 1)
        let street = SyntheticSeason.generate(activities: 4000, seed: 1)
        let city = SyntheticSeason.generate(activities: 4000, seed: 1, spread: .city)
        #expect(small.venues.count == 12 && street.venues.count == 266 && city.venues.count == 266)
        let (onTheSmallStreet, onTheStreet, inTheCity) = (
            Self.nearNeighbours(small, within: 150), Self.nearNeighbours(street, within: 150),
            Self.nearNeighbours(city, within: 150)
        )
        #expect(onTheStreet > 8, "\(onTheStreet)")
        #expect(inTheCity < 1.5 && onTheSmallStreet < 1.5, "\(inTheCity) \(onTheSmallStreet)")
        #expect(SeasonValidator.validate(city).isEmpty)
        // The spread moves the venues, and names the season apart; nothing else changes.
        #expect(city.id == "synthetic-4000-1-city" && street.id == "synthetic-4000-1")
        var moved = city
        moved.venues = street.venues
        moved.id = street.id
        moved.name = street.name
        #expect(moved == street)
    }

    /// A 12-venue season has the same street either way.
    @Test func aSmallSeasonHasTheSameVenuesInACity() {
        #expect(
            SyntheticSeason.generate(activities: 40, seed: 3, spread: .city).venues
                == SyntheticSeason.generate(activities: 40, seed: 3).venues)
    }
}
