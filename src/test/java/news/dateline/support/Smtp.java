package news.dateline.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One GreenMail SMTP server on a random loopback port for the whole test JVM, which the mail journeys' site sends
 * to. It can be stopped and started again on the same port, to play an SMTP server that is away for a while.
 * Each journey mails addresses of its own and reads only those.
 */
public final class Smtp {

    private static final int PORT = freePort();
    private static GreenMail server;

    private Smtp() {
    }

    public static synchronized int port() {
        if (server == null) {
            start();
        }
        return PORT;
    }

    public static synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    public static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** A fresh address no other journey mails. */
    public static String address(String name) {
        return name + "-" + Long.toString(System.nanoTime(), 36) + "@example.org";
    }

    /** The mails that reached {@code to} so far. */
    public static synchronized List<MimeMessage> mailsTo(String to) {
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(to));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** Waits up to {@code within} for the {@code n}th mail to {@code to}. */
    public static MimeMessage awaitMail(String to, int n, Duration within) {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            List<MimeMessage> mails = mailsTo(to);
            if (mails.size() >= n) {
                return mails.get(n - 1);
            }
            sleep(100);
        }
        throw new AssertionError("No mail number " + n + " to " + to + " within " + within);
    }

    /** The plain-text part of a mail. */
    public static String text(MimeMessage mail) {
        return part(mail, "text/plain").orElseThrow(() -> new AssertionError("No text/plain part"))
                .replace("\r\n", "\n"); // SMTP's line ends
    }

    public static String html(MimeMessage mail) {
        return part(mail, "text/html").orElseThrow(() -> new AssertionError("No text/html part"));
    }

    /** The path of the first link to this site's {@code prefix} in the mail's text ("/newsroom/reset/…"). */
    public static String linkPath(MimeMessage mail, String prefix) {
        Matcher link = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(prefix) + "\\S+)").matcher(text(mail));
        if (!link.find()) {
            throw new AssertionError("No link to " + prefix + " in:\n" + text(mail));
        }
        return link.group(1);
    }

    private static Optional<String> part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return Optional.of((String) part.getContent());
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    Optional<String> found = part(body, type);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read a mail", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
