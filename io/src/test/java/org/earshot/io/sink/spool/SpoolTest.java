package org.earshot.io.sink.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
    @TempDir
    Path dir;

    private static byte[] b(final String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldKeepUnacknowledgedMessagesAcrossReopenInOrder() throws IOException {
        try (Spool s = new Spool(dir, 1 << 20)) {
            assertEquals(1, s.append("t/a", b("one")));
            assertEquals(2, s.append("t/b", b("two")));
            assertEquals(3, s.append("t/c", b("three")));
            s.ack(1);
        }
        try (Spool s = new Spool(dir, 1 << 20)) {
            final List<Spool.Message> p = s.pending();
            assertEquals(2, p.size());
            assertEquals(2, p.get(0).id());
            assertEquals("t/b", p.get(0).topic());
            assertEquals("three", new String(p.get(1).payload(), StandardCharsets.UTF_8));
            assertEquals(4, s.nextId(), "ids keep increasing after a restart");
            s.ack(3);
            assertNull(s.peek());
        }
        try (Spool s = new Spool(dir, 1 << 20)) {
            assertEquals(0, s.size());
            assertEquals(4, s.append("t", b("four")), "ids never repeat, even when everything was sent");
        }
    }

    @Test
    void shouldCutTornLastRecordWhenProcessDiedWhileWriting() throws IOException {
        try (Spool s = new Spool(dir, 1 << 20)) {
            s.append("t", b("whole"));
            s.append("t", b("torn"));
        }
        final Path seg;
        try (var files = Files.list(dir)) {
            seg = files.filter(p -> p.toString().endsWith(".seg")).findFirst().orElseThrow();
        }
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 3);
        }
        try (Spool s = new Spool(dir, 1 << 20)) {
            assertEquals(1, s.size());
            assertEquals("whole", new String(s.peek().payload(), StandardCharsets.UTF_8));
            assertEquals(2, s.append("t", b("again")));
        }
        try (Spool s = new Spool(dir, 1 << 20)) {
            assertEquals(2, s.size(), "the appended record after the cut is readable");
        }
    }

    @Test
    void shouldDropOldestAndCountWhenFull() throws IOException {
        try (Spool s = new Spool(dir, 4096)) {
            for (int i = 0; i < 100; i++) {
                s.append("t", new byte[100]);
            }
            assertEquals(100, s.dropped() + s.size());
            assertEquals(100, s.pending().get(s.size() - 1).id());
            assertEquals(true, s.dropped() > 0);
        }
    }
}
