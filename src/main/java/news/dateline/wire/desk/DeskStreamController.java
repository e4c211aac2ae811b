package news.dateline.wire.desk;

import jakarta.servlet.http.HttpServletRequest;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.Staff;
import news.dateline.platform.Refusal;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The open desk's event stream (assets/wire-desk.js): flashes, alerts and urgent items as they are stored. */
@Controller
@NewsroomScreen
class DeskStreamController {

    private final DeskStreams streams;

    DeskStreamController(DeskStreams streams) {
        this.streams = streams;
    }

    @ModelAttribute
    void editorsOnly(@ModelAttribute(name = "staff", binding = false) Staff staff) {
        if (!staff.isEditor()) {
            throw Refusal.forbidden("Only editors and admins work the wire desk.");
        }
    }

    @GetMapping(path = "/newsroom/wire/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<?> events(HttpServletRequest request) {
        if (streams.heldByPushpin(request)) {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.TEXT_EVENT_STREAM)
                    .header("Grip-Hold", "stream").header("Grip-Channel", DeskStreams.CHANNEL)
                    .header("Grip-Keep-Alive", ":keep-alive\\n\\n; format=cstring; timeout=15")
                    .body("retry: 3000\n\n");
        }
        return streams.open()
                .<ResponseEntity<?>>map(emitter -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                        .header("X-Accel-Buffering", "no").body(emitter))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                        .cacheControl(CacheControl.noStore()).build());
    }
}
