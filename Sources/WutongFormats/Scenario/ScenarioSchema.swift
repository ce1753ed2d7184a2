/// The scenario file's XML Schema, version 1 (namespace `urn:wutong:scenario:1`): a named list of
/// changes to a season for `wutong whatif`. `wutong schema scenario` prints it. Its simple types,
/// periods, windows and the activity type are taken from the season schema, so an activity is
/// written the same way in both files.
public enum ScenarioSchema {
    public static let namespace = "urn:wutong:scenario:1"
    public static let version = "1"

    public static let xsd: String = {
        let season = SeasonSchema.xsd
        let shared = section(of: season, from: "<!-- Simple types -->", to: "<!-- The document -->")
        let activity = section(
            of: season, from: #"<xs:complexType name="activity">"#, to: "\n  </xs:complexType>",
            includingEnd: true)
        return head + "\n  " + shared + "<!-- The activity, as in a season file -->\n\n  " + activity + "\n\n"
            + document
    }()

    /// The text of `schema` from the start of `start` to the start (or end) of `end`.
    private static func section(of schema: String, from start: String, to end: String, includingEnd: Bool = false)
        -> String
    {
        guard let lower = schema.range(of: start), let upper = schema[lower.upperBound...].range(of: end) else {
            preconditionFailure("the season schema lost its '\(start)' section")
        }
        return String(schema[lower.lowerBound..<(includingEnd ? upper.upperBound : upper.lowerBound)])
    }

    private static let head = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!--
          Wutong scenario file, version 1.
          Namespace urn:wutong:scenario:1. Documented element by element in Docs/scenario-format.md.
          Times are wall-clock times in the season's time zone, written as in season files.
        -->
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                   xmlns="urn:wutong:scenario:1"
                   targetNamespace="urn:wutong:scenario:1"
                   elementFormDefault="qualified"
                   attributeFormDefault="unqualified">
        """#

    private static let document = #"""
          <!-- The document -->

          <xs:complexType name="venuePeriod">
            <xs:complexContent>
              <xs:extension base="period">
                <xs:attribute name="venue" type="id" use="required"/>
              </xs:extension>
            </xs:complexContent>
          </xs:complexType>
          <xs:complexType name="partnerPeriod">
            <xs:complexContent>
              <xs:extension base="period">
                <xs:attribute name="partner" type="id" use="required"/>
              </xs:extension>
            </xs:complexContent>
          </xs:complexType>

          <xs:element name="scenario">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="description" type="text" minOccurs="0"/>
                <xs:choice minOccurs="0" maxOccurs="1000">
                  <xs:element name="close-venue" type="venuePeriod"/>
                  <xs:element name="partner-unavailable" type="partnerPeriod"/>
                  <xs:element name="remove-partner">
                    <xs:complexType>
                      <xs:attribute name="partner" type="id" use="required"/>
                      <xs:attribute name="reason" type="text"/>
                    </xs:complexType>
                  </xs:element>
                  <xs:element name="remove-activity">
                    <xs:complexType>
                      <xs:attribute name="activity" type="id" use="required"/>
                      <xs:attribute name="reason" type="text"/>
                    </xs:complexType>
                  </xs:element>
                  <xs:element name="change-activity">
                    <xs:complexType>
                      <xs:attribute name="activity" type="id" use="required"/>
                      <xs:attribute name="sessions" type="count"/>
                      <xs:attribute name="duration" type="positiveMinutes"/>
                      <xs:attribute name="audience" type="audienceList"/>
                      <xs:attribute name="audience-size" type="count"/>
                      <xs:attribute name="priority" type="count"/>
                    </xs:complexType>
                  </xs:element>
                  <xs:element name="add-event">
                    <xs:complexType>
                      <xs:complexContent>
                        <xs:extension base="activity">
                          <xs:attribute name="project" type="id" use="required"/>
                        </xs:extension>
                      </xs:complexContent>
                    </xs:complexType>
                  </xs:element>
                  <xs:element name="add-practice" type="activity"/>
                  <xs:element name="constraint">
                    <xs:complexType>
                      <xs:attribute name="name" type="constraintName" use="required"/>
                      <xs:attribute name="level" type="level"/>
                      <xs:attribute name="weight" type="amount"/>
                    </xs:complexType>
                  </xs:element>
                </xs:choice>
              </xs:sequence>
              <xs:attribute name="version" use="required">
                <xs:simpleType>
                  <xs:restriction base="xs:token">
                    <xs:enumeration value="1"/>
                  </xs:restriction>
                </xs:simpleType>
              </xs:attribute>
              <xs:attribute name="name" type="id" use="required"/>
              <xs:attribute name="season" type="id" use="required"/>
              <xs:attribute name="now" type="dateTime"/>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """#
}
