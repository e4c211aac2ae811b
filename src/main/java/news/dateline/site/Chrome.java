package news.dateline.site;

import java.util.List;
import news.dateline.front.Banner;
import news.dateline.menu.Navigation;
import news.dateline.settings.Settings;
import news.dateline.taxonomy.Section;

/**
 * What every reader page around the content needs: the site's name, its sections and its assets, the
 * breaking-news banner when one is showing (null otherwise), the rest of the site's settings (logo, footer), and the
 * menus the newsroom made (the header's replaces the sections' list when there is one).
 */
public record Chrome(String siteName, String tagline, String language, List<Section> sections, String stylesheet,
        int year, Banner banner, Settings settings, Navigation navigation) {
}
