/// The schedule file's XML Schema, version 1 (namespace `urn:wutong:schedule:1`): what
/// `wutong solve` writes and `wutong check` reads. `wutong schema schedule` prints it.
public enum ScheduleSchema {
    public static let namespace = "urn:wutong:schedule:1"
    public static let version = "1"

    public static let xsd = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Wutong schedule file, version 1. Documented in Docs/schedule-format.md. -->
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                   xmlns="urn:wutong:schedule:1"
                   targetNamespace="urn:wutong:schedule:1"
                   elementFormDefault="qualified"
                   attributeFormDefault="unqualified">
          <xs:simpleType name="id">
            <xs:restriction base="xs:string">
              <xs:pattern value="[A-Za-z0-9][A-Za-z0-9._\-]*"/>
              <xs:maxLength value="64"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="instant">
            <xs:annotation><xs:documentation>RFC 3339 date-time with a UTC offset.</xs:documentation></xs:annotation>
            <xs:restriction base="xs:string">
              <xs:pattern value="\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+\-]\d{2}:\d{2})"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="index">
            <xs:restriction base="xs:positiveInteger">
              <xs:maxInclusive value="100000"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="sequence">
            <xs:restriction base="xs:nonNegativeInteger">
              <xs:maxInclusive value="1000000"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="amount">
            <xs:restriction base="xs:nonNegativeInteger">
              <xs:maxInclusive value="1000000000000"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="level">
            <xs:restriction base="xs:token">
              <xs:enumeration value="hard"/>
              <xs:enumeration value="soft"/>
            </xs:restriction>
          </xs:simpleType>

          <xs:element name="schedule">
            <xs:complexType>
              <xs:sequence>
                <xs:element ref="score" minOccurs="0"/>
                <xs:element ref="session" minOccurs="0" maxOccurs="unbounded"/>
                <xs:element ref="unplaced" minOccurs="0" maxOccurs="unbounded"/>
              </xs:sequence>
              <xs:attribute name="version" use="required">
                <xs:simpleType>
                  <xs:restriction base="xs:token">
                    <xs:enumeration value="1"/>
                  </xs:restriction>
                </xs:simpleType>
              </xs:attribute>
              <xs:attribute name="season" type="id" use="required"/>
              <xs:attribute name="time-zone" type="xs:token" use="required"/>
              <xs:attribute name="generated-by" type="xs:string"/>
            </xs:complexType>
          </xs:element>

          <xs:element name="score">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="constraint" minOccurs="0" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:attribute name="name" type="xs:token" use="required"/>
                    <xs:attribute name="level" type="level" use="required"/>
                    <xs:attribute name="weight" type="amount" use="required"/>
                    <xs:attribute name="amount" type="amount" use="required"/>
                    <xs:attribute name="cost" type="amount" use="required"/>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
              <xs:attribute name="hard" type="amount" use="required"/>
              <xs:attribute name="medium" type="amount" use="required"/>
              <xs:attribute name="soft" type="amount" use="required"/>
            </xs:complexType>
          </xs:element>

          <xs:element name="session">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="partner" minOccurs="0" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:attribute name="id" type="id" use="required"/>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
              <xs:attribute name="activity" type="id" use="required"/>
              <xs:attribute name="index" type="index" use="required"/>
              <xs:attribute name="venue" type="id" use="required"/>
              <xs:attribute name="start" type="instant" use="required"/>
              <xs:attribute name="end" type="instant" use="required"/>
              <xs:attribute name="sequence" type="sequence" use="optional" default="0">
                <xs:annotation><xs:documentation>The session's iCalendar SEQUENCE: how often its published event was revised.</xs:documentation></xs:annotation>
              </xs:attribute>
            </xs:complexType>
          </xs:element>

          <xs:element name="unplaced">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="reason" minOccurs="0" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:simpleContent>
                      <xs:extension base="xs:string">
                        <xs:attribute name="constraint" type="xs:token"/>
                        <xs:attribute name="candidates" type="amount"/>
                        <xs:attribute name="examined" type="amount"/>
                        <xs:attribute name="placements" type="amount"/>
                      </xs:extension>
                    </xs:simpleContent>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
              <xs:attribute name="activity" type="id" use="required"/>
              <xs:attribute name="index" type="index" use="required"/>
              <xs:attribute name="sequence" type="sequence" use="optional" default="0">
                <xs:annotation><xs:documentation>The session's iCalendar SEQUENCE: how often its published event was revised.</xs:documentation></xs:annotation>
              </xs:attribute>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """#
}
