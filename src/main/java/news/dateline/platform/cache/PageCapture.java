package news.dateline.platform.cache;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.springframework.http.HttpHeaders;

/**
 * The response to an anonymous reader's GET that the cache does not hold. It passes everything through untouched
 * (an event stream, an asset, the health check, a newsroom page) unless the handler chosen for the request
 * declares itself a {@link CachedPage} before writing anything ({@link #start}): from then on the body is kept
 * here, and nothing is sent or committed, so that the filter can store the page and send it once with its
 * validators, or {@link #release} it as rendered. Status and headers always go straight to the response.
 */
final class PageCapture extends HttpServletResponseWrapper {

    /** Made on {@link #start}: most responses passing through (assets, streams) never need it. */
    private ByteArrayOutputStream body;
    private boolean capturing;
    /** The body is going (or has gone) straight out: too late to start keeping it. */
    private boolean streaming;
    /** After an error or a redirect, what the handler still writes goes nowhere, as the container would do. */
    private boolean discarding;
    private ServletOutputStream stream;
    private PrintWriter writer;

    PageCapture(HttpServletResponse response) {
        super(response);
    }

    /** Starts keeping the body; false if any of it may already have gone out, and then nothing changes. */
    boolean start() {
        if (!capturing && (streaming || isCommitted())) {
            return false;
        }
        if (body == null) {
            body = new ByteArrayOutputStream(32 * 1024);
        }
        capturing = true;
        return true;
    }

    boolean capturing() {
        return capturing;
    }

    /** The body kept so far. */
    byte[] body() {
        flushWriter();
        return body == null ? new byte[0] : body.toByteArray();
    }

    /**
     * Sends what was kept, as it is, and lets whatever is written afterwards through. Headers not yet sent can
     * still be set before this.
     */
    void release() throws IOException {
        if (!capturing) {
            return;
        }
        byte[] kept = body();
        capturing = false;
        streaming = true;
        body = null;
        if (kept.length > 0) {
            super.getOutputStream().write(kept);
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (!capturing && stream == null && writer == null) {
            streaming = true;
            return super.getOutputStream();
        }
        if (writer != null) {
            throw new IllegalStateException("getWriter() has already been called on this response");
        }
        if (stream == null) {
            stream = new Kept();
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (!capturing && stream == null && writer == null) {
            streaming = true;
            return super.getWriter();
        }
        if (stream != null) {
            throw new IllegalStateException("getOutputStream() has already been called on this response");
        }
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(new Kept(), Charset.forName(getCharacterEncoding())));
        }
        return writer;
    }

    /** A kept body is not sent, so nothing is committed; the filter sends it. */
    @Override
    public void flushBuffer() throws IOException {
        if (capturing) {
            flushWriter();
        } else {
            super.flushBuffer();
        }
    }

    @Override
    public void resetBuffer() {
        if (capturing) {
            flushWriter();
            body.reset();
        }
        super.resetBuffer();
    }

    @Override
    public void reset() {
        if (capturing) {
            flushWriter();
            body.reset();
        }
        super.reset();
    }

    /** An error or a redirect is sent by the container at once; nothing written before or after it is kept. */
    @Override
    public void sendError(int status) throws IOException {
        drop();
        super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        drop();
        super.sendError(status, message);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        drop();
        super.sendRedirect(location);
    }

    @Override
    public void sendRedirect(String location, int status) throws IOException {
        drop();
        super.sendRedirect(location, status);
    }

    @Override
    public void sendRedirect(String location, boolean clearBuffer) throws IOException {
        drop();
        super.sendRedirect(location, clearBuffer);
    }

    @Override
    public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
        drop();
        super.sendRedirect(location, status, clearBuffer);
    }

    /** The length sent is the length of what the filter sends, plain or gzip; the handler's is dropped. */
    @Override
    public void setContentLength(int length) {
        if (!capturing) {
            super.setContentLength(length);
        }
    }

    @Override
    public void setContentLengthLong(long length) {
        if (!capturing) {
            super.setContentLengthLong(length);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (!capturing || !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!capturing || !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (!capturing || !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (!capturing || !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
            super.addIntHeader(name, value);
        }
    }

    private void drop() {
        flushWriter();
        body = null;
        capturing = false;
        streaming = true;
        discarding = true;
    }

    private void flushWriter() {
        if (writer != null) {
            writer.flush();
        }
    }

    /** What the handler writes to: kept while capturing, then (after {@link #release}) passed on. */
    private final class Kept extends ServletOutputStream {

        @Override
        public void write(int b) throws IOException {
            if (capturing) {
                body.write(b);
            } else if (!discarding) {
                PageCapture.super.getOutputStream().write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (capturing) {
                body.write(bytes, offset, length);
            } else if (!discarding) {
                PageCapture.super.getOutputStream().write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            if (!capturing && !discarding) {
                PageCapture.super.getOutputStream().flush();
            }
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("A cached page is written in one go, not asynchronously");
        }
    }
}
