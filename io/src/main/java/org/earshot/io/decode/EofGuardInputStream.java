package org.earshot.io.decode;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Stops Java Sound decoders that keep reading after the end of the file (jflac, which decoded FLAC before
 * {@link org.earshot.io.flac.FlacReader}, swallowed the {@link java.io.EOFException} of a file that ends in
 * corrupt data and searched again, for ever). After
 * {@value #MAX_READS_AT_END} reads at the end this stream throws a plain {@link IOException}, which the
 * decoders pass on.
 */
final class EofGuardInputStream extends FilterInputStream {
    /** Reads at the end of the file tolerated before the stream fails. */
    static final int MAX_READS_AT_END = 256;

    private int readsAtEnd;
    private long position;

    EofGuardInputStream(final InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        final int b = super.read();
        if (b < 0) {
            atEnd();
        } else {
            position++;
        }
        return b;
    }

    @Override
    public int read(final byte[] b, final int off, final int len) throws IOException {
        final int n = super.read(b, off, len);
        if (n < 0) {
            atEnd();
        } else {
            position += n;
        }
        return n;
    }

    @Override
    public long skip(final long n) throws IOException {
        final long skipped = super.skip(n);
        position += skipped;
        return skipped;
    }

    @Override
    public synchronized void reset() throws IOException {
        super.reset();
        position = -1;
    }

    private void atEnd() throws IOException {
        if (++readsAtEnd > MAX_READS_AT_END) {
            throw new IOException("the decoder kept reading past the end of the file (corrupt data"
                + (position >= 0 ? " before byte " + position : "") + ")");
        }
    }
}
