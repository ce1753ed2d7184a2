import Foundation

/// A rough WGS 84 position, used only for walking-distance estimates.
public struct Coordinate: Hashable, Sendable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Straight-line distance in metres (equirectangular; exact enough across one street).
    public func metres(to other: Coordinate) -> Double {
        let earthRadius = 6_371_000.0
        let meanLatitude = (latitude + other.latitude) / 2 * .pi / 180
        let x = (other.longitude - longitude) * .pi / 180 * cos(meanLatitude)
        let y = (other.latitude - latitude) * .pi / 180
        return (x * x + y * y).squareRoot() * earthRadius
    }
}
