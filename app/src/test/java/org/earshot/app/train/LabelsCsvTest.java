package org.earshot.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsCsvTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadQuotedFieldsAndResolvePathsAgainstTheClipsFolderOrItsParents() throws IOException {
        final Path clips = dir.resolve("set/events/clips");
        Files.createDirectories(clips.resolve("esc10"));
        Files.write(clips.resolve("esc10/1-100038-A-14.ogg"), new byte[4]);
        Files.write(clips.resolve("a.wav"), new byte[4]);
        final Path csv = clips.resolve("labels.csv");
        Files.writeString(csv, "file,label,license\n"
            + "events/clips/esc10/1-100038-A-14.ogg,dog_bark,\"CC BY, Freesound \"\"x\"\"\"\n"
            + "a.wav,cough,none\n");
        final List<LabelsCsv.Entry> e = LabelsCsv.read(clips, csv);
        assertEquals(2, e.size());
        assertEquals("dog_bark", e.get(0).label());
        assertEquals("1-100038", e.get(0).group(), "ESC clips of one source recording share a group");
        assertEquals(clips.resolve("a.wav").toAbsolutePath().normalize(), e.get(1).file());
    }

    @Test
    void shouldNameAMissingClipAndLine() throws IOException {
        final Path csv = dir.resolve("labels.csv");
        Files.writeString(csv, "file,label\nnope.wav,cough\n");
        assertEquals(csv + " line 2: clip nope.wav not found under " + dir + " or its parents, or beside " + csv,
            assertThrows(IOException.class, () -> LabelsCsv.read(dir, csv)).getMessage());
    }

    @Test
    void shouldRequireFileAndLabelColumns() throws IOException {
        final Path csv = dir.resolve("l.csv");
        Files.writeString(csv, "path,class\nx,y\n");
        assertEquals(csv + ": the header must name the columns 'file' and 'label', got [path, class]",
            assertThrows(IOException.class, () -> LabelsCsv.read(dir, csv)).getMessage());
    }
}
