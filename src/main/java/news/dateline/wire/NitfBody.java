package news.dateline.wire;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** A NITF document (or its {@code body.content}), as carried in a ninjs body or a NewsML-G2 {@code inlineXML}. */
final class NitfBody {

    private NitfBody() {
    }

    static String toHtml(String nitf) throws BadWireFile {
        Document document = SafeXml.parse(nitf);
        return toHtml(document.getDocumentElement());
    }

    static String toHtml(Element nitf) {
        Element content = "body.content".equals(nitf.getLocalName()) ? nitf : SafeXml.first(nitf, "body.content");
        return SafeXml.innerHtml(content == null ? nitf : content).strip();
    }
}
