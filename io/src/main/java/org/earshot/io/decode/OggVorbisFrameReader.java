package org.earshot.io.decode;

import java.io.IOException;
import java.io.InputStream;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;

/**
 * Decodes an Ogg Vorbis stream with JOrbis directly, page by page, instead of through vorbisspi: the SPI
 * stops early on files that end in digital silence (and returns nothing for some short mono files). The
 * caller bounds the output by the last page's granule position and reports a stream that ends short.
 */
final class OggVorbisFrameReader implements FrameReader {
    private static final int READ_BYTES = 8192;

    private final InputStream in;
    private final String name;
    private final SyncState sync = new SyncState();
    private final StreamState stream = new StreamState();
    private final Page page = new Page();
    private final Packet packet = new Packet();
    private final Info info = new Info();
    private final Comment comment = new Comment();
    private final DspState dsp = new DspState();
    private final Block block = new Block(dsp);
    private final float[][][] pcmHolder = new float[1][][];
    private final int[] pcmIndex;
    private int serial;
    private boolean streamEnded;
    private long bytesRead;

    /**
     * Reads the three Vorbis header packets.
     *
     * @param in   the file's bytes
     * @param name the file, for messages
     * @throws IOException if the headers are missing or corrupt
     */
    OggVorbisFrameReader(final InputStream in, final String name) throws IOException {
        this.in = in;
        this.name = name;
        sync.init();
        if (!nextPage()) {
            throw new IOException("no Ogg page found");
        }
        serial = page.serialno();
        stream.init(serial);
        info.init();
        comment.init();
        stream.pagein(page);
        for (int header = 0; header < 3; header++) {
            if (!nextRawPacket()) {
                throw new IOException("the Vorbis headers are incomplete (" + header + " of 3 read)");
            }
            if (info.synthesis_headerin(comment, packet) < 0) {
                throw new IOException("Vorbis header packet " + (header + 1) + " is corrupt");
            }
        }
        dsp.synthesis_init(info);
        block.init(dsp);
        pcmIndex = new int[info.channels];
    }

    /** @return channels of the stream */
    int channels() {
        return info.channels;
    }

    /** @return sample rate of the stream in Hz */
    int sampleRateHz() {
        return info.rate;
    }

    @Override
    public int read(final float[] dst, final int maxFrames) throws IOException {
        while (true) {
            final int available = dsp.synthesis_pcmout(pcmHolder, pcmIndex);
            if (available > 0) {
                final int frames = Math.min(available, maxFrames);
                final float[][] pcm = pcmHolder[0];
                final int channels = info.channels;
                for (int c = 0; c < channels; c++) {
                    final float[] src = pcm[c];
                    final int from = pcmIndex[c];
                    for (int i = 0; i < frames; i++) {
                        dst[i * channels + c] = src[from + i];
                    }
                }
                dsp.synthesis_read(frames);
                return frames;
            }
            if (!nextRawPacket()) {
                return -1;
            }
            if (block.synthesis(packet) == 0) {
                dsp.synthesis_blockin(block);
            }
        }
    }

    /** Takes the next packet of the stream into {@link #packet}; false at the end. */
    private boolean nextRawPacket() throws IOException {
        while (true) {
            final int result = stream.packetout(packet);
            if (result == 1) {
                return true;
            }
            if (result < 0) {
                throw new IOException("corrupt Ogg Vorbis data: a packet is missing near byte " + bytesRead);
            }
            if (streamEnded || !nextPage()) {
                return false;
            }
            if (page.serialno() != serial) {
                throw new IOException("a second logical stream starts near byte " + bytesRead
                    + " (chained or multiplexed Ogg is not supported)");
            }
            stream.pagein(page);
            if (page.eos() != 0) {
                streamEnded = true;
            }
        }
    }

    /** Takes the next page of the file into {@link #page}; false at the end of the file. */
    private boolean nextPage() throws IOException {
        while (true) {
            final int result = sync.pageout(page);
            if (result == 1) {
                return true;
            }
            if (result < 0) {
                throw new IOException("corrupt Ogg data: lost page sync near byte " + bytesRead);
            }
            final int index = sync.buffer(READ_BYTES);
            final int n = in.read(sync.data, index, READ_BYTES);
            if (n < 0) {
                return false;
            }
            sync.wrote(n);
            bytesRead += n;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            stream.clear();
            block.clear();
            dsp.clear();
            info.clear();
            sync.clear();
        } finally {
            in.close();
        }
    }

    @Override
    public String toString() {
        return "OggVorbisFrameReader[" + name + "]";
    }
}
