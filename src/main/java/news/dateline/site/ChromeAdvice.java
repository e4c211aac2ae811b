package news.dateline.site;

import java.time.Clock;
import java.time.Year;
import java.util.List;
import news.dateline.front.Banners;
import news.dateline.menu.Menus;
import news.dateline.menu.Navigation;
import news.dateline.platform.asset.AssetUrls;
import news.dateline.platform.change.UntilChanged;
import news.dateline.settings.Settings;
import news.dateline.settings.SiteSettings;
import news.dateline.taxonomy.Section;
import news.dateline.taxonomy.SectionRepository;
import org.springframework.dao.DataAccessException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the page chrome into the model of every reader page (and gives it to {@link ReaderErrors}, since exception
 * handlers get no model attributes).
 */
@ControllerAdvice
class ChromeAdvice {

    private final SiteSettings settings;
    private final SectionRepository sections;
    private final AssetUrls resources;
    private final Clock clock;
    private final Banners banners;
    private final Menus menus;
    private final UntilChanged untilChanged;

    /** The sections, as the masthead lists them: they change only by a recorded change (TaxonomyChanged). */
    private record AllSections() {
    }

    ChromeAdvice(SiteSettings settings, SectionRepository sections, AssetUrls resources, Clock clock,
            Banners banners, Menus menus, UntilChanged untilChanged) {
        this.untilChanged = untilChanged;
        this.banners = banners;
        this.menus = menus;
        this.settings = settings;
        this.sections = sections;
        this.resources = resources;
        this.clock = clock;
    }

    @ModelAttribute("chrome")
    Chrome chrome() {
        String stylesheet = resources.of("/assets/site.css");
        Settings site = settings.current();
        return new Chrome(site.name(), site.tagline(), site.language(), sectionsOrNone(),
                stylesheet,
                Year.now(clock.withZone(site.timeZone())).getValue(), banners.current().orElse(null), site,
                navigationOrNone());
    }

    /** Like the sections: the error page for a database that failed shows no menu rather than failing too. */
    private Navigation navigationOrNone() {
        try {
            return menus.navigation();
        } catch (DataAccessException e) {
            return Navigation.NONE;
        }
    }

    /** Error pages must render even while the database is the thing that failed. */
    private List<Section> sectionsOrNone() {
        try {
            return untilChanged.get(new AllSections(), sections::all);
        } catch (DataAccessException e) {
            return List.of();
        }
    }
}
