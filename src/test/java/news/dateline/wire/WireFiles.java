package news.dateline.wire;

/** Wire files written for a test: a ninjs 2 text item and a NewsML-G2 newsItem with a NITF body. */
final class WireFiles {

    private WireFiles() {
    }

    static String ninjs2(String uri, int version, String pubStatus, int urgency, String headline, String located,
            String embargoed) {
        return """
                {"uri": "%s", "type": "text", "version": "%d", "versioncreated": "2026-12-01T10:%02d:00Z",
                 "pubstatus": "%s", "urgency": %d, "slugline": "wire-test", "located": "%s", %s
                 "by": "Maria Olsen", "copyrightholder": "NTB",
                 "headlines": [{"role": "main", "value": "%s"}],
                 "descriptions": [{"role": "summary", "value": "What happened in %s, version %d."}],
                 "subjects": [{"name": "politics", "uri": "http://cv.iptc.org/newscodes/mediatopic/11000000"}],
                 "bodies": [{"role": "main", "contenttype": "text/html",
                             "value": "<p>First paragraph of version %d.</p><p>Second <b>bold</b> paragraph.</p>"}]}
                """.formatted(uri, version, version % 60, pubStatus, urgency, located,
                embargoed == null ? "" : "\"embargoed\": \"" + embargoed + "\",", headline, located, version,
                version);
    }

    static String newsMlG2(String guid, int version, String pubStatus, String headline, String located) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="%s" version="%d" standard="NewsML-G2">
                  <itemMeta>
                    <itemClass qcode="ninat:text"/>
                    <provider qcode="nprov:example"><name>Example Agency</name></provider>
                    <versionCreated>2026-12-01T09:30:00Z</versionCreated>
                    <pubStatus qcode="stat:%s"/>
                  </itemMeta>
                  <contentMeta>
                    <urgency>2</urgency>
                    <located><name>%s</name></located>
                    <creator><name>Anna Berg</name></creator>
                    <subject qcode="medtop:03000000"><name>disaster and accident</name></subject>
                    <slugline>germany-floods</slugline>
                    <headline>%s</headline>
                    <description>The river rose overnight.</description>
                  </contentMeta>
                  <contentSet>
                    <inlineXML contenttype="application/nitf+xml">
                      <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content><hl2>Ferries stop</hl2><p>The river rose by two metres &amp; more.</p></body.content></body></nitf>
                    </inlineXML>
                  </contentSet>
                </newsItem>
                """.formatted(guid, version, pubStatus, located, headline);
    }
}
