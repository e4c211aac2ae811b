package news.dateline.account.twofactor;

import io.nayuki.qrcodegen.QrCode;

/**
 * An {@code otpauth://} address as a QR code in SVG, drawn on the server (no script, nothing inline for the CSP to
 * refuse): one path of unit squares, four modules of quiet zone around them.
 */
final class QrSvg {

    private static final int BORDER = 4;

    private QrSvg() {
    }

    static String of(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + BORDER * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
                }
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + size + " " + size
                + "\" width=\"" + size * 6 + "\" height=\"" + size * 6 + "\" shape-rendering=\"crispEdges\">"
                + "<title>QR code for your authenticator app</title>"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000000\"/></svg>\n";
    }
}
