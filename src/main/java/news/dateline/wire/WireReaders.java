package news.dateline.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;

/** Which reader a file is for: JSON (ninjs) or XML (NewsML-G2, NewsML 1.2), told by its first character. */
@Component
class WireReaders {

    private final NinjsReader ninjs = new NinjsReader(new NinjsSchemas());
    private final NewsMlReader newsMl = new NewsMlReader();
    private final WireProperties properties;

    WireReaders(WireProperties properties) {
        this.properties = properties;
    }

    List<WireItem> read(byte[] bytes) throws BadWireFile {
        if (bytes.length > properties.maxFileSize().toBytes()) {
            throw new BadWireFile("the file is larger than the limit of " + properties.maxFileSizeText()
                    + " (dateline.wire.max-file-size)");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadWireFile("not UTF-8 text");
        }
        String start = text.stripLeading();
        if (start.startsWith("\uFEFF")) {
            start = start.substring(1).stripLeading();
        }
        if (start.isEmpty()) {
            throw new BadWireFile("the file is empty");
        }
        return switch (start.charAt(0)) {
            case '{', '[' -> ninjs.read(start);
            case '<' -> newsMl.read(start);
            default -> throw new BadWireFile("neither JSON (ninjs) nor XML (NewsML)", "line 1, column 1");
        };
    }
}
