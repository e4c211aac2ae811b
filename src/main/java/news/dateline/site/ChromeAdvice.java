package news.dateline.site;

import java.time.Clock;
import java.time.Year;
import java.util.List;
import news.dateline.platform.NotFoundException;
import news.dateline.platform.SiteProperties;
import news.dateline.taxonomy.Section;
import news.dateline.taxonomy.SectionRepository;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Puts the page chrome into the model of every reader page, and answers anything not found, wherever
 * it is thrown, with the site's 404 page (exception handlers get no model attributes, hence the explicit chrome).
 */
@ControllerAdvice
class ChromeAdvice {

    private final SiteProperties site;
    private final SectionRepository sections;
    private final ResourceUrlProvider resources;
    private final Clock clock;

    ChromeAdvice(SiteProperties site, SectionRepository sections, ResourceUrlProvider resources, Clock clock) {
        this.site = site;
        this.sections = sections;
        this.resources = resources;
        this.clock = clock;
    }

    @ModelAttribute("chrome")
    Chrome chrome() {
        String stylesheet = resources.getForLookupPath("/assets/site.css");
        return new Chrome(site.name(), site.tagline(), site.language(), sectionsOrNone(),
                stylesheet != null ? stylesheet : "/assets/site.css",
                Year.now(clock.withZone(site.timeZone())).getValue());
    }

    /** Error pages must render even while the database is the thing that failed. */
    private List<Section> sectionsOrNone() {
        try {
            return sections.all();
        } catch (DataAccessException e) {
            return List.of();
        }
    }

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("site/not-found", HttpStatus.NOT_FOUND);
        page.addObject("chrome", chrome());
        return page;
    }
}
