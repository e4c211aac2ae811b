package news.dateline.story.embed;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The providers whose links become embeds, each as a strict pattern over the whole URL and the frame address
 * built from what the pattern captured. The raw URL is never put into a frame: only ids, handles and slugs made
 * of plain characters are, so a URL with anything odd in it matches nothing and stays a link.
 */
enum EmbedProvider {

    YOUTUBE("YouTube", "www.youtube-nocookie.com",
            "https://(?:www\\.|m\\.)?(?:youtube\\.com/(?:watch\\?v=|shorts/|embed/|live/)|youtu\\.be/)"
                    + "([A-Za-z0-9_-]{11})(?:[?&][A-Za-z0-9_=&.-]*)?",
            m -> "https://www.youtube-nocookie.com/embed/" + m.group(1)),
    VIMEO("Vimeo", "player.vimeo.com", "https://(?:www\\.)?vimeo\\.com/([0-9]{1,12})/?",
            m -> "https://player.vimeo.com/video/" + m.group(1) + "?dnt=1"),
    X("X", "platform.twitter.com",
            "https://(?:www\\.|mobile\\.)?(?:twitter|x)\\.com/[A-Za-z0-9_]{1,15}/status/([0-9]{1,20})/?(?:\\?[A-Za-z0-9_=&.-]*)?",
            m -> "https://platform.twitter.com/embed/Tweet.html?dnt=true&id=" + m.group(1)),
    INSTAGRAM("Instagram", "www.instagram.com",
            "https://(?:www\\.)?instagram\\.com/(p|reel)/([A-Za-z0-9_-]{5,40})/?(?:\\?[A-Za-z0-9_=&.-]*)?",
            m -> "https://www.instagram.com/" + m.group(1) + "/" + m.group(2) + "/embed/"),
    TIKTOK("TikTok", "www.tiktok.com",
            "https://(?:www\\.)?tiktok\\.com/@[A-Za-z0-9_.]{1,24}/video/([0-9]{1,20})/?(?:\\?[A-Za-z0-9_=&.-]*)?",
            m -> "https://www.tiktok.com/embed/v2/" + m.group(1)),
    BLUESKY("Bluesky", "embed.bsky.app",
            "https://bsky\\.app/profile/((?:did:plc:[a-z2-7]{24})|(?:[A-Za-z0-9-]{1,63}\\.)+[A-Za-z]{2,63})"
                    + "/post/([a-z2-7]{13})",
            m -> "https://embed.bsky.app/embed/" + m.group(1) + "/app.bsky.feed.post/" + m.group(2)),
    /**
     * Mastodon is many servers; a frame from any of them would need a policy allowing every host. These large
     * ones are allowed; a post on another server stays a link.
     */
    MASTODON("Mastodon", "mastodon.social mastodon.online mas.to hachyderm.io fosstodon.org",
            "https://(mastodon\\.social|mastodon\\.online|mas\\.to|hachyderm\\.io|fosstodon\\.org)"
                    + "/@([A-Za-z0-9_]{1,30})/([0-9]{1,20})/?",
            m -> "https://" + m.group(1) + "/@" + m.group(2) + "/" + m.group(3) + "/embed"),
    FACEBOOK("Facebook", "www.facebook.com",
            "https://(?:www\\.|m\\.)?facebook\\.com/([A-Za-z0-9.]{1,50})/(posts|videos)/([A-Za-z0-9]{1,40})/?",
            m -> "https://www.facebook.com/plugins/" + (m.group(2).equals("posts") ? "post" : "video")
                    + ".php?href=" + encode("https://www.facebook.com/" + m.group(1) + "/" + m.group(2) + "/"
                            + m.group(3) + "/")),
    SOUNDCLOUD("SoundCloud", "w.soundcloud.com",
            "https://(?:www\\.|m\\.)?soundcloud\\.com/([a-z0-9_-]{1,50})/([a-z0-9_-]{1,100})/?",
            m -> "https://w.soundcloud.com/player/?url=" + encode("https://soundcloud.com/" + m.group(1) + "/"
                    + m.group(2))),
    SPOTIFY("Spotify", "open.spotify.com",
            "https://open\\.spotify\\.com/(track|album|playlist|episode|show|artist)/([A-Za-z0-9]{22})/?"
                    + "(?:\\?[A-Za-z0-9_=&.-]*)?",
            m -> "https://open.spotify.com/embed/" + m.group(1) + "/" + m.group(2)),
    DATAWRAPPER("Datawrapper", "datawrapper.dwcdn.net",
            "https://(?:datawrapper\\.dwcdn\\.net/([A-Za-z0-9]{5})(?:/([0-9]{1,4}))?|"
                    + "app\\.datawrapper\\.de/chart/([A-Za-z0-9]{5})(?:/[a-z]+)?)/?",
            m -> "https://datawrapper.dwcdn.net/" + (m.group(1) != null ? m.group(1) : m.group(3)) + "/"
                    + (m.group(2) != null ? m.group(2) + "/" : "")),
    FLOURISH("Flourish", "flo.uri.sh",
            "https://(?:public\\.flourish\\.studio|flo\\.uri\\.sh)/(visualisation|story)/([0-9]{1,12})/?(?:embed)?",
            m -> "https://flo.uri.sh/" + m.group(1) + "/" + m.group(2) + "/embed");

    private final String displayName;
    private final List<String> frameHosts;
    private final Pattern url;
    private final Function<Matcher, String> frame;

    EmbedProvider(String displayName, String frameHosts, String url, Function<Matcher, String> frame) {
        this.displayName = displayName;
        this.frameHosts = List.of(frameHosts.split(" "));
        this.url = Pattern.compile(url);
        this.frame = frame;
    }

    String displayName() {
        return displayName;
    }

    List<String> frameHosts() {
        return frameHosts;
    }

    /** The frame address for a URL of this provider, or empty when the URL is not one of its posts. */
    Optional<String> frameFor(String link) {
        Matcher matcher = url.matcher(link);
        return matcher.matches() ? Optional.of(frame.apply(matcher)) : Optional.empty();
    }

    private static String encode(String url) {
        return URLEncoder.encode(url, StandardCharsets.UTF_8);
    }
}
