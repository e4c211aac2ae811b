package news.dateline.wire;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import news.dateline.wire.desk.WireFlash;
import news.dateline.wire.update.NewerVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of taking items in, whichever way they came (a folder, a feed): one item per provider and guid, every
 * version kept, a version that is not newer than the stored one ignored and logged, the same content twice stored
 * once. A file is stored whole or not at all; the folder intake stores many waiting files in one transaction
 * ({@link #takeAll}), an HTTP document is one transaction.
 */
@Service
public class WireIngest {

    private static final Logger log = LoggerFactory.getLogger(WireIngest.class);

    /** What became of one item of a file. */
    enum Outcome {
        STORED, DUPLICATE, OLDER, SKIPPED;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    record Taken(WireItem item, Outcome outcome, Long itemId, Long versionId, String detail) {
    }

    private final WireRepository items;
    private final ProviderRepository providers;
    private final WireKills kills;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final WireReaders readers;
    private final WirePictures pictures;
    private final org.springframework.transaction.support.TransactionOperations transactions;

    WireIngest(WireRepository items, ProviderRepository providers, WireKills kills,
            org.springframework.context.ApplicationEventPublisher events, WireReaders readers,
            org.springframework.transaction.support.TransactionOperations transactions, WirePictures pictures) {
        this.pictures = pictures;
        this.readers = readers;
        this.transactions = transactions;
        this.events = events;
        this.items = items;
        this.providers = providers;
        this.kills = kills;
    }

    /**
     * A document an HTTP provider fetched (ninjs JSON, NewsML, RSS or Atom), by the same rules as a file in a
     * folder: read first, outside any transaction, then stored in one. Returns the reason when it could not be
     * read (noted as an error, as a file in {@code error/} is), empty when it was taken.
     */
    public Optional<String> takeDocument(long providerId, String sourceName, byte[] bytes, Instant receivedAt) {
        return takeDocument(providerId, sourceName, bytes, receivedAt, WirePictures.NOWHERE);
    }

    /** Fetches a picture for an HTTP feed: its address, answered with the bytes (bounded) or why not. */
    public interface PictureClient {

        /** The picture's bytes; throws with a reason (a status, a timeout) when it cannot be had. */
        byte[] fetch(URI address) throws IOException;
    }

    /**
     * As {@link #takeDocument(long, String, byte[], Instant)}, with the pictures of picture items fetched by
     * {@code client} (the feed's own client and credential), their addresses taken relative to {@code page}.
     */
    public Optional<String> takeDocument(long providerId, String sourceName, byte[] bytes, Instant receivedAt,
            URI page, PictureClient client) {
        return takeDocument(providerId, sourceName, bytes, receivedAt, href -> {
            URI address;
            try {
                address = page.resolve(href.strip());
            } catch (IllegalArgumentException e) {
                throw new BadWireFile("the picture address \"" + href + "\" is not an address");
            }
            String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new BadWireFile("the picture \"" + href + "\" is not an http or https address");
            }
            try {
                String path = address.getPath() == null ? "" : address.getPath();
                String name = path.substring(path.lastIndexOf('/') + 1);
                return new WirePictures.Fetched(name.isBlank() ? "picture" : name, client.fetch(address), null);
            } catch (IOException e) {
                throw new BadWireFile("the picture " + address + " could not be fetched (" + e.getMessage() + ")");
            }
        });
    }

    private Optional<String> takeDocument(long providerId, String sourceName, byte[] bytes, Instant receivedAt,
            WirePictures.Fetcher fetcher) {
        Provider provider = providers.find(providerId)
                .orElseThrow(() -> new IllegalArgumentException("No wire provider " + providerId));
        try {
            List<WireItem> read = pictures.attach(readers.read(bytes), fetcher);
            transactions.executeWithoutResult(status -> take(provider, sourceName, read, receivedAt));
            return Optional.empty();
        } catch (BadWireFile bad) {
            log.warn("Wire {}: {} refused: {}", provider.name(), sourceName, bad.report());
            items.event(provider.id(), receivedAt, sourceName, "error", null, bad.report());
            return Optional.of(bad.report());
        } catch (WirePictures.Refused refused) {
            // Nothing of the document was stored (its transaction rolled back): noted as a file in error/ is.
            String report = "could not be stored: " + refused.getMessage();
            log.warn("Wire {}: {} refused: {}", provider.name(), sourceName, report);
            items.event(provider.id(), receivedAt, sourceName, "error", null, report);
            return Optional.of(report);
        }
    }

    /** One file read, waiting to be stored: its name, when it arrived, its items. */
    record ReadFile(String sourceName, Instant receivedAt, List<WireItem> items) {
    }

    /**
     * Many files in one transaction, in the order given (their order of arrival): each file's items by the same
     * rules as {@link #take}, so a later file sees what an earlier one stored (versions 1, 2, 3 of one item in one
     * batch are judged as if they had come one by one). All are stored or, when the transaction fails, none.
     */
    @Transactional
    void takeAll(Provider provider, List<ReadFile> files) {
        Instant last = null;
        List<WireRepository.Event> lines = new ArrayList<>();
        for (ReadFile file : files) {
            takeItems(provider, file.sourceName(), file.items(), file.receivedAt(), lines);
            last = last == null || file.receivedAt().isAfter(last) ? file.receivedAt() : last;
        }
        items.events(lines);
        if (last != null) {
            providers.received(provider.id(), last);
        }
    }

    @Transactional
    List<Taken> take(Provider provider, String sourceName, List<WireItem> file, Instant receivedAt) {
        List<WireRepository.Event> lines = new ArrayList<>();
        List<Taken> taken = takeItems(provider, sourceName, file, receivedAt, lines);
        items.events(lines);
        providers.received(provider.id(), receivedAt);
        return taken;
    }

    private List<Taken> takeItems(Provider provider, String sourceName, List<WireItem> file, Instant receivedAt,
            List<WireRepository.Event> lines) {
        List<Taken> taken = new ArrayList<>();
        for (WireItem item : file) {
            Taken one = takeOne(provider, sourceName, item, receivedAt);
            lines.add(new WireRepository.Event(provider.id(), receivedAt, sourceName, one.outcome().column(),
                    one.itemId(), one.detail()));
            if (one.outcome() != Outcome.STORED) {
                log.info("Wire {}: {} {} ({})", provider.name(), sourceName, one.outcome().column(), one.detail());
            }
            taken.add(one);
        }
        return taken;
    }

    private Taken takeOne(Provider provider, String sourceName, WireItem item, Instant receivedAt) {
        if (!item.isText() && !item.isPicture()) {
            return new Taken(item, Outcome.SKIPPED, null, null, "a " + item.type() + " item (" + item.guid()
                    + "): only text items reach the desk");
        }
        String hash = item.contentHash();
        Optional<WireRepository.StoredItem> stored = items.find(provider.id(), item.guid(), hash);
        long itemId;
        if (stored.isPresent()) {
            itemId = stored.get().id();
            if (stored.get().hasVersion()) {
                return new Taken(item, Outcome.DUPLICATE, itemId, null, item.guid() + " version "
                        + label(item) + " is already stored");
            }
            if (!newer(stored.get(), item)) {
                return new Taken(item, Outcome.OLDER, itemId, null, item.guid() + " version " + label(item)
                        + " is not newer than the stored version " + label(stored.get()));
            }
        } else {
            itemId = items.insertItem(provider.id(), item, receivedAt);
        }
        long versionId = items.insertVersion(itemId, item, hash, sourceName, receivedAt);
        items.makeCurrent(itemId, versionId, item, receivedAt);
        String detail = item.guid() + " version " + label(item);
        if (item.isPicture()) {
            // Into the photo library, in this transaction; no story is made from a picture (wire.WirePictures).
            return new Taken(item, Outcome.STORED, itemId, versionId, detail
                    + pictures.store(provider, itemId, item, receivedAt));
        }
        if (item.pubStatus() == WireItem.PubStatus.CANCELED) {
            int withdrawn = kills.kill(itemId, versionId, receivedAt, "kill notice from " + provider.name() + " ("
                    + sourceName + ")");
            detail += ": killed, " + withdrawn + (withdrawn == 1 ? " story" : " stories") + " withdrawn";
            log.warn("Wire {}: {}", provider.name(), detail);
        } else if (stored.isPresent() && item.pubStatus() == WireItem.PubStatus.USABLE) {
            // Updates untouched stories of an auto-update provider once this commits (wire.update.AutoUpdates).
            events.publishEvent(new NewerVersion(itemId));
        }
        if (item.pubStatus() == WireItem.PubStatus.USABLE && WireFlash.pushed(item.urgency())) {
            // Pushed to open desks once the file's transaction commits (wire.desk.DeskStreams).
            events.publishEvent(new WireFlash(itemId, provider.name(), item.urgency(), item.headline(),
                    item.slugline(), item.located(), item.versionLabel()));
        }
        return new Taken(item, Outcome.STORED, itemId, versionId, detail);
    }

    /** By version number when both have one, else by versionCreated; with neither, the later arrival wins. */
    static boolean newer(WireRepository.StoredItem stored, WireItem item) {
        if (stored.versionNumber() != null && item.versionNumber() != null) {
            return item.versionNumber() > stored.versionNumber();
        }
        if (stored.versionCreated() != null && item.versionCreated() != null) {
            return item.versionCreated().isAfter(stored.versionCreated());
        }
        return true;
    }

    private static String label(WireItem item) {
        return item.versionNumber() != null ? item.versionNumber().toString()
                : item.versionCreated() != null ? "of " + item.versionCreated() : "(unnumbered)";
    }

    private static String label(WireRepository.StoredItem item) {
        return item.versionNumber() != null ? item.versionNumber().toString()
                : item.versionCreated() != null ? "of " + item.versionCreated() : "(unnumbered)";
    }
}
