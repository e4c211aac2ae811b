// Inclusive CPU samples per method in a JFR recording (docs/benchmarks.md, step 4): each sample counted once for
// every method on its stack. Usage: java [-Devent=jdk.NativeMethodSample] bench/JfrInclusive.java rec.jfr [prefix] [top] [under]
import java.nio.file.Path;
import java.util.*;
import jdk.jfr.consumer.*;

/** Inclusive samples per method (each counted once per stack), filtered by prefix; optional "under" method. */
public class JfrInclusive {
    public static void main(String[] args) throws Exception {
        String prefix = args.length > 1 ? args[1] : "";
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        String under = args.length > 3 ? args[3] : null;
        Map<String, Integer> incl = new HashMap<>();
        int total = 0, inUnder = 0;
        try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
            while (file.hasMoreEvents()) {
                var e = file.readEvent();
                if (!e.getEventType().getName().equals(System.getProperty("event", "jdk.ExecutionSample"))) continue;
                var t = e.getThread("sampledThread");
                if (t != null && "main".equals(t.getJavaName())) continue;
                RecordedStackTrace st = e.getStackTrace();
                if (st == null) continue;
                total++;
                List<RecordedFrame> fs = st.getFrames();
                int limit = fs.size();
                if (under != null) {
                    limit = -1;
                    for (int i = 0; i < fs.size(); i++) if (name(fs.get(i)).equals(under)) { limit = i; break; }
                    if (limit < 0) continue;
                    inUnder++;
                }
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < limit; i++) {
                    String n = name(fs.get(i));
                    if (n.startsWith(prefix) && seen.add(n)) incl.merge(n, 1, Integer::sum);
                }
            }
        }
        System.out.printf("%d samples%s%n", total, under == null ? "" : ", under " + under + ": " + inUnder);
        final int all = total;
        incl.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
            .forEach(x -> System.out.printf("%5d %5.1f%% %s%n", x.getValue(), 100.0 * x.getValue() / all, x.getKey()));
    }
    static String name(RecordedFrame f) { return f.getMethod().getType().getName() + "." + f.getMethod().getName(); }
}
