package news.dateline.platform.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

    @TempDir
    Path dir;

    @Test
    void processesStartingAtOnceAllUseTheOneKeyThatWasWrittenWhole() throws Exception {
        int racers = 8;
        for (int round = 0; round < 40; round++) {
            Path file = dir.resolve("round-" + round + ".key");
            CyclicBarrier start = new CyclicBarrier(racers);
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            try {
                List<Future<String>> keys = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    keys.add(pool.submit(() -> {
                        start.await();
                        return Base64.getEncoder().encodeToString(KeyFile.readOrCreate(file, 32, KeyFile.Form.BASE64));
                    }));
                }
                Set<String> seen = new HashSet<>();
                for (Future<String> key : keys) {
                    seen.add(key.get());
                }
                assertThat(seen).as("round %d: one key for everyone", round).hasSize(1);
                assertThat(Base64.getDecoder().decode(seen.iterator().next())).hasSize(32);
                assertThat(Base64.getDecoder().decode(Files.readString(file).strip()))
                        .isEqualTo(Base64.getDecoder().decode(seen.iterator().next()));
            } finally {
                pool.shutdownNow();
            }
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file is left behind")
                    .allMatch(name -> name.matches("round-\\d+\\.key"));
        }
    }

    @Test
    void aNewKeyFileIsReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("nested/comment-form.key");
        KeyFile.readOrCreate(file, 32, KeyFile.Form.BASE64);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aKeyWrittenByAnEarlierVersionIsKeptInTheFormItWasWritten() throws Exception {
        byte[] old = new byte[32];
        for (int i = 0; i < old.length; i++) {
            old[i] = (byte) (i * 7);
        }
        Path base64 = Files.writeString(dir.resolve("preview-link.key"), Base64.getEncoder().encodeToString(old) + "\n");
        Path raw = Files.write(dir.resolve("notify-link.key"), old);

        assertThat(KeyFile.readOrCreate(base64, 32, KeyFile.Form.BASE64)).isEqualTo(old);
        assertThat(KeyFile.readOrCreate(raw, 32, KeyFile.Form.RAW)).isEqualTo(old);
        assertThat(Files.readAllBytes(raw)).as("nothing rewritten").isEqualTo(old);
    }

    @Test
    void anEmptyOrForeignKeyFileStopsTheStartWithItsNameRatherThanSigningWithAShortKey() throws Exception {
        Path empty = Files.createFile(dir.resolve("account-link.key"));
        Path foreign = Files.writeString(dir.resolve("second-factor.key"), "not a key at all!");

        assertThatThrownBy(() -> KeyFile.readOrCreate(empty, 32, KeyFile.Form.BASE64))
                .hasMessageContaining("account-link.key").hasMessageContaining("0 bytes where 32 are needed");
        assertThatThrownBy(() -> KeyFile.readOrCreate(foreign, 32, KeyFile.Form.BASE64))
                .hasMessageContaining("second-factor.key").hasMessageContaining("not Base64");
    }
}
