package news.dateline.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.function.Function;

/**
 * What a command talks to: standard output and error, standard input, the environment and the terminal (null when
 * there is none). The real process's in {@link #system()}; tests give their own and read what was printed.
 */
public record Terminal(PrintStream out, PrintStream err, InputStream in, Function<String, String> env,
        Console console) {

    public static Terminal system() {
        return new Terminal(System.out, System.err, System.in, System::getenv, System.console());
    }
}
