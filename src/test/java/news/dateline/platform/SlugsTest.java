package news.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Slugs as WordPress makes them: letters and digits of any script, lower-cased; accented Latin still folds to ASCII. */
class SlugsTest {

    @Test
    void latinHeadlinesKeepTheirAsciiSlugs() {
        assertThat(Slugs.of("São Paulo counts its ballots")).isEqualTo("sao-paulo-counts-its-ballots");
        assertThat(Slugs.of("Straße in Łódź, Ærø")).isEqualTo("strasse-in-lodz-aero");
        assertThat(Slugs.of("  --Floods: 2026!-- ")).isEqualTo("floods-2026");
    }

    @Test
    void otherScriptsKeepTheirLettersLowerCased() {
        assertThat(Slugs.of("Україна: новини дня")).isEqualTo("україна-новини-дня");
        assertThat(Slugs.of("Її їжак й ґанок")).as("й and ї are letters, not и or і with a mark")
                .isEqualTo("її-їжак-й-ґанок");
        assertThat(Slugs.of("Ελληνικά Νέα")).isEqualTo("ελληνικά-νέα");
        assertThat(Slugs.of("Москва 2026")).isEqualTo("москва-2026");
        assertThat(Slugs.of("東京 オリンピック")).isEqualTo("東京-オリンピック");
    }

    @Test
    void decomposedInputGivesTheSameSlugAsComposed() {
        String decomposed = java.text.Normalizer.normalize("Її й ελληνικά", java.text.Normalizer.Form.NFD);
        assertThat(Slugs.of(decomposed)).isEqualTo("її-й-ελληνικά");
    }

    @Test
    void validAcceptsLowerCaseLettersOfAnyScriptOnly() {
        assertThat(Slugs.VALID.matcher("україна-новини-дня").matches()).isTrue();
        assertThat(Slugs.VALID.matcher("sao-paulo").matches()).isTrue();
        assertThat(Slugs.VALID.matcher("Україна").matches()).isFalse();
        assertThat(Slugs.VALID.matcher("a b").matches()).isFalse();
        assertThat(Slugs.VALID.matcher("-a").matches()).isFalse();
        assertThat(Slugs.VALID.matcher("a%20b").matches()).isFalse();
    }

    @Test
    void pathsArePercentEncodedOnceAndAsciiPathsStayAsTheyAre() {
        assertThat(Slugs.inUrl("/tag/україна")).isEqualTo("/tag/%D1%83%D0%BA%D1%80%D0%B0%D1%97%D0%BD%D0%B0");
        assertThat(Slugs.inUrl(Slugs.inUrl("/tag/україна"))).isEqualTo(Slugs.inUrl("/tag/україна"));
        assertThat(Slugs.inUrl("/world/sao-paulo")).isEqualTo("/world/sao-paulo");
        assertThat(Slugs.fromUrl("%D1%83%D0%BA%D1%80%D0%B0%D1%97%D0%BD%D0%B0")).isEqualTo("україна");
        assertThat(Slugs.fromUrl("sao-paulo")).isEqualTo("sao-paulo");
        assertThat(Slugs.fromUrl("%zz")).isEqualTo("%zz");
    }
}
