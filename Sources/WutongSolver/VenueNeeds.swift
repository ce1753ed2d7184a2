import WutongModel

/// What an activity asks of a venue apart from seats: its equipment and its eligibility, without
/// where they were written. Most activities of a season ask the same, so the compiler and the
/// search facts work out each distinct ask once against every venue, not once per activity:
/// activities × venues passed a minute and a gigabyte at 40,000 sessions.
struct VenueNeeds: Hashable {
    let equipment: Set<Equipment>
    let eligibility: VenueEligibility

    init(_ activity: Activity) {
        equipment = activity.equipment
        var eligibility = activity.eligibility
        eligibility.source = nil
        self.eligibility = eligibility
    }
}
