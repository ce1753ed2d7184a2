/// The season file's XML Schema, version 1 (namespace `urn:wutong:season:1`). Embedded so the
/// tool validates with no file beside it; `wutong schema season` prints it.
public enum SeasonSchema {
    public static let namespace = "urn:wutong:season:1"
    public static let version = "1"

    public static let xsd = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!--
          Wutong season file, version 1.
          Namespace urn:wutong:season:1. Documented element by element in Docs/season-format.md.
          Times are wall-clock times in the season's time zone: dates YYYY-MM-DD, times HH:MM,
          date-times YYYY-MM-DDTHH:MM (a bare date in a period means the whole day).
        -->
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                   xmlns="urn:wutong:season:1"
                   targetNamespace="urn:wutong:season:1"
                   elementFormDefault="qualified"
                   attributeFormDefault="unqualified">

          <!-- Simple types -->

          <xs:simpleType name="id">
            <xs:restriction base="xs:string">
              <xs:pattern value="[A-Za-z0-9][A-Za-z0-9._\-]*"/>
              <xs:maxLength value="64"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="idList">
            <xs:list itemType="id"/>
          </xs:simpleType>
          <xs:simpleType name="audienceList">
            <xs:restriction base="idList">
              <xs:minLength value="1"/>
              <xs:maxLength value="64"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="name">
            <xs:restriction base="xs:string">
              <xs:minLength value="1"/>
              <xs:maxLength value="200"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="text">
            <xs:restriction base="xs:string">
              <xs:maxLength value="2000"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="date">
            <xs:restriction base="xs:string">
              <xs:pattern value="\d{4}-\d{2}-\d{2}"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="time">
            <xs:restriction base="xs:string">
              <xs:pattern value="([01]\d|2[0-3]):[0-5]\d|24:00"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="dateTime">
            <xs:restriction base="xs:string">
              <xs:pattern value="\d{4}-\d{2}-\d{2}T(([01]\d|2[0-3]):[0-5]\d|24:00)"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="dateOrDateTime">
            <xs:restriction base="xs:string">
              <xs:pattern value="\d{4}-\d{2}-\d{2}(T(([01]\d|2[0-3]):[0-5]\d|24:00))?"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="weekday">
            <xs:restriction base="xs:token">
              <xs:enumeration value="mon"/>
              <xs:enumeration value="tue"/>
              <xs:enumeration value="wed"/>
              <xs:enumeration value="thu"/>
              <xs:enumeration value="fri"/>
              <xs:enumeration value="sat"/>
              <xs:enumeration value="sun"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="weekdays">
            <xs:restriction>
              <xs:simpleType>
                <xs:list itemType="weekday"/>
              </xs:simpleType>
              <xs:minLength value="1"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="minutes">
            <xs:restriction base="xs:nonNegativeInteger">
              <xs:maxInclusive value="1440"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="positiveMinutes">
            <xs:restriction base="xs:positiveInteger">
              <xs:maxInclusive value="1440"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="amount">
            <xs:restriction base="xs:nonNegativeInteger">
              <xs:maxInclusive value="1000000"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="count">
            <xs:restriction base="xs:positiveInteger">
              <xs:maxInclusive value="100000"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="latitude">
            <xs:restriction base="xs:decimal">
              <xs:minInclusive value="-90"/>
              <xs:maxInclusive value="90"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="longitude">
            <xs:restriction base="xs:decimal">
              <xs:minInclusive value="-180"/>
              <xs:maxInclusive value="180"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="origin">
            <xs:restriction base="xs:token">
              <xs:enumeration value="article"/>
              <xs:enumeration value="illustrative"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="venueKind">
            <xs:restriction base="xs:token">
              <xs:enumeration value="concert-hall"/>
              <xs:enumeration value="school-hall"/>
              <xs:enumeration value="outdoor-plaza"/>
              <xs:enumeration value="street-corner"/>
              <xs:enumeration value="shop-front"/>
              <xs:enumeration value="market"/>
              <xs:enumeration value="residential-courtyard"/>
              <xs:enumeration value="residential-lane"/>
              <xs:enumeration value="office-lobby"/>
              <xs:enumeration value="community-centre"/>
              <xs:enumeration value="library"/>
              <xs:enumeration value="museum"/>
              <xs:enumeration value="heritage-house"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="venueKinds">
            <xs:list itemType="venueKind"/>
          </xs:simpleType>
          <xs:simpleType name="setting">
            <xs:restriction base="xs:token">
              <xs:enumeration value="indoor"/>
              <xs:enumeration value="outdoor"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="equipmentItem">
            <xs:restriction base="xs:token">
              <xs:enumeration value="piano"/>
              <xs:enumeration value="stage"/>
              <xs:enumeration value="sound"/>
              <xs:enumeration value="projector"/>
              <xs:enumeration value="lighting"/>
              <xs:enumeration value="step-free"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="equipmentList">
            <xs:list itemType="equipmentItem"/>
          </xs:simpleType>
          <xs:simpleType name="role">
            <xs:restriction base="xs:token">
              <xs:enumeration value="performer"/>
              <xs:enumeration value="teacher"/>
              <xs:enumeration value="host"/>
              <xs:enumeration value="volunteer"/>
              <xs:enumeration value="medical"/>
              <xs:enumeration value="logistics"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="roles">
            <xs:restriction>
              <xs:simpleType>
                <xs:list itemType="role"/>
              </xs:simpleType>
              <xs:minLength value="1"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="level">
            <xs:restriction base="xs:token">
              <xs:enumeration value="hard"/>
              <xs:enumeration value="soft"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="constraintName">
            <xs:restriction base="xs:token">
              <xs:pattern value="[a-z][a-z\-]*"/>
            </xs:restriction>
          </xs:simpleType>

          <!-- Reusable structures -->

          <xs:complexType name="weeklyWindow">
            <xs:attribute name="days" type="weekdays"/>
            <xs:attribute name="from" type="time" use="required"/>
            <xs:attribute name="to" type="time" use="required"/>
          </xs:complexType>
          <xs:complexType name="period">
            <xs:attribute name="from" type="dateOrDateTime" use="required"/>
            <xs:attribute name="to" type="dateOrDateTime" use="required"/>
            <xs:attribute name="reason" type="text"/>
          </xs:complexType>

          <!-- The document -->

          <xs:element name="season">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="description" type="text" minOccurs="0"/>
                <xs:element ref="calendar"/>
                <xs:element ref="rules" minOccurs="0"/>
                <xs:element ref="grids"/>
                <xs:element ref="neighbourhoods" minOccurs="0"/>
                <xs:element ref="audiences"/>
                <xs:element ref="venues"/>
                <xs:element ref="partners"/>
                <xs:element ref="projects" minOccurs="0"/>
                <xs:element ref="equipment-pools" minOccurs="0"/>
                <xs:element ref="activities"/>
                <xs:element ref="constraints" minOccurs="0"/>
              </xs:sequence>
              <xs:attribute name="version" use="required">
                <xs:simpleType>
                  <xs:restriction base="xs:token">
                    <xs:enumeration value="1"/>
                  </xs:restriction>
                </xs:simpleType>
              </xs:attribute>
              <xs:attribute name="id" type="id" use="required"/>
              <xs:attribute name="name" type="name" use="required"/>
            </xs:complexType>
          </xs:element>

          <xs:element name="calendar">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="blackout" minOccurs="0" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:attribute name="from" type="date" use="required"/>
                    <xs:attribute name="to" type="date"/>
                    <xs:attribute name="reason" type="text"/>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
              <xs:attribute name="time-zone" type="xs:token" use="required"/>
              <xs:attribute name="start" type="date" use="required"/>
              <xs:attribute name="end" type="date" use="required"/>
              <xs:attribute name="slot-minutes" use="required">
                <xs:simpleType>
                  <xs:restriction base="xs:positiveInteger">
                    <xs:minInclusive value="5"/>
                    <xs:maxInclusive value="240"/>
                  </xs:restriction>
                </xs:simpleType>
              </xs:attribute>
              <xs:attribute name="day-start" type="time" use="required"/>
              <xs:attribute name="day-end" type="time" use="required"/>
            </xs:complexType>
          </xs:element>

          <xs:element name="rules">
            <xs:complexType>
              <xs:attribute name="walking-metres-per-minute" type="count"/>
              <xs:attribute name="circle-minutes" type="positiveMinutes"/>
              <xs:attribute name="noise-distance-metres" type="amount"/>
            </xs:complexType>
          </xs:element>

          <xs:element name="grids">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="grid" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:attribute name="id" type="id" use="required"/>
                    <xs:attribute name="name" type="name" use="required"/>
                    <xs:attribute name="goal" type="text"/>
                    <xs:attribute name="target-share">
                      <xs:simpleType>
                        <xs:restriction base="xs:nonNegativeInteger">
                          <xs:maxInclusive value="100"/>
                        </xs:restriction>
                      </xs:simpleType>
                    </xs:attribute>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
            </xs:complexType>
          </xs:element>

          <xs:element name="neighbourhoods">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="neighbourhood" minOccurs="0" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:attribute name="id" type="id" use="required"/>
                    <xs:attribute name="name" type="name" use="required"/>
                    <xs:attribute name="grid" type="id" use="required"/>
                    <xs:attribute name="lat" type="latitude" use="required"/>
                    <xs:attribute name="lon" type="longitude" use="required"/>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
            </xs:complexType>
          </xs:element>

          <xs:element name="audiences">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="audience" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:sequence>
                      <xs:element name="window" type="weeklyWindow" minOccurs="0" maxOccurs="unbounded"/>
                    </xs:sequence>
                    <xs:attribute name="id" type="id" use="required"/>
                    <xs:attribute name="name" type="name" use="required"/>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
            </xs:complexType>
          </xs:element>

          <xs:element name="venues">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="venue" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:sequence>
                      <xs:element name="open" type="weeklyWindow" minOccurs="0" maxOccurs="unbounded"/>
                      <xs:element name="closed" type="period" minOccurs="0" maxOccurs="unbounded"/>
                      <xs:element name="quiet" type="weeklyWindow" minOccurs="0" maxOccurs="unbounded"/>
                    </xs:sequence>
                    <xs:attribute name="id" type="id" use="required"/>
                    <xs:attribute name="name" type="name" use="required"/>
                    <xs:attribute name="kind" type="venueKind" use="required"/>
                    <xs:attribute name="grid" type="id" use="required"/>
                    <xs:attribute name="capacity" type="count" use="required"/>
                    <xs:attribute name="setting" type="setting" use="required"/>
                    <xs:attribute name="residential" type="xs:boolean" default="false"/>
                    <xs:attribute name="equipment" type="equipmentList"/>
                    <xs:attribute name="lat" type="latitude" use="required"/>
                    <xs:attribute name="lon" type="longitude" use="required"/>
                    <xs:attribute name="origin" type="origin"/>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
            </xs:complexType>
          </xs:element>

          <xs:element name="partners">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="partner" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:sequence>
                      <xs:element name="unavailable" type="period" minOccurs="0" maxOccurs="unbounded"/>
                      <xs:element name="busy-calendar" minOccurs="0" maxOccurs="unbounded">
                        <xs:complexType>
                          <xs:attribute name="href" use="required">
                            <xs:simpleType>
                              <xs:restriction base="xs:string">
                                <xs:minLength value="1"/>
                                <xs:maxLength value="500"/>
                              </xs:restriction>
                            </xs:simpleType>
                          </xs:attribute>
                        </xs:complexType>
                      </xs:element>
                    </xs:sequence>
                    <xs:attribute name="id" type="id" use="required"/>
                    <xs:attribute name="name" type="name" use="required"/>
                    <xs:attribute name="roles" type="roles" use="required"/>
                    <xs:attribute name="weekly-limit" type="amount"/>
                    <xs:attribute name="offered-sessions" type="amount"/>
                    <xs:attribute name="home-venues" type="idList"/>
                    <xs:attribute name="origin" type="origin"/>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
            </xs:complexType>
          </xs:element>

          <xs:element name="projects">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="project" minOccurs="0" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:attribute name="id" type="id" use="required"/>
                    <xs:attribute name="name" type="name" use="required"/>
                    <xs:attribute name="goal" type="text"/>
                    <xs:attribute name="origin" type="origin"/>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
            </xs:complexType>
          </xs:element>

          <xs:element name="equipment-pools">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="pool" minOccurs="0" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:attribute name="id" type="id" use="required"/>
                    <xs:attribute name="name" type="name" use="required"/>
                    <xs:attribute name="provides" type="equipmentItem" use="required"/>
                    <xs:attribute name="count" type="count" use="required"/>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
            </xs:complexType>
          </xs:element>

          <xs:complexType name="activity">
            <xs:sequence>
              <xs:element name="needs" minOccurs="0" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:attribute name="role" type="role" use="required"/>
                  <xs:attribute name="count" type="count" default="1"/>
                  <xs:attribute name="partners" type="idList"/>
                </xs:complexType>
              </xs:element>
              <xs:element name="allowed" minOccurs="0">
                <xs:complexType>
                  <xs:attribute name="venues" type="idList"/>
                  <xs:attribute name="grids" type="idList"/>
                  <xs:attribute name="kinds" type="venueKinds"/>
                  <xs:attribute name="setting" type="setting"/>
                </xs:complexType>
              </xs:element>
              <xs:element name="window" type="weeklyWindow" minOccurs="0" maxOccurs="unbounded"/>
              <xs:element name="forbidden" type="period" minOccurs="0" maxOccurs="unbounded"/>
              <xs:element name="preferred" type="weeklyWindow" minOccurs="0" maxOccurs="unbounded"/>
              <xs:element name="after" minOccurs="0" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:attribute name="activity" type="id" use="required"/>
                </xs:complexType>
              </xs:element>
              <xs:element name="pin" minOccurs="0" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:attribute name="session" type="count" use="required"/>
                  <xs:attribute name="venue" type="id" use="required"/>
                  <xs:attribute name="start" type="dateTime" use="required"/>
                  <xs:attribute name="partners" type="idList"/>
                </xs:complexType>
              </xs:element>
            </xs:sequence>
            <xs:attribute name="id" type="id" use="required"/>
            <xs:attribute name="name" type="name" use="required"/>
            <xs:attribute name="duration" type="positiveMinutes" use="required"/>
            <xs:attribute name="setup" type="minutes" default="0"/>
            <xs:attribute name="teardown" type="minutes" default="0"/>
            <xs:attribute name="sessions" type="count" default="1"/>
            <xs:attribute name="min-gap-days" type="amount" default="0"/>
            <xs:attribute name="min-distinct-days" type="count"/>
            <xs:attribute name="audience" type="audienceList" use="required"/>
            <xs:attribute name="audience-size" type="count" use="required"/>
            <xs:attribute name="equipment" type="equipmentList"/>
            <xs:attribute name="amplified" type="xs:boolean" default="false"/>
            <xs:attribute name="priority" type="count" default="1"/>
            <xs:attribute name="origin" type="origin"/>
          </xs:complexType>

          <xs:element name="activities">
            <xs:complexType>
              <xs:choice minOccurs="0" maxOccurs="unbounded">
                <xs:element name="event">
                  <xs:complexType>
                    <xs:complexContent>
                      <xs:extension base="activity">
                        <xs:attribute name="project" type="id" use="required"/>
                      </xs:extension>
                    </xs:complexContent>
                  </xs:complexType>
                </xs:element>
                <xs:element name="practice" type="activity"/>
              </xs:choice>
            </xs:complexType>
          </xs:element>

          <xs:element name="constraints">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="constraint" minOccurs="0" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:attribute name="name" type="constraintName" use="required"/>
                    <xs:attribute name="level" type="level"/>
                    <xs:attribute name="weight" type="amount"/>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """#
}
