package dev.tine.translator;

/** Decodes the escapes of a "..." string; null for an escape LANGUAGE.md does not allow. */
final class StringLiterals {
    private StringLiterals() {
    }

    static String decodeEscape(String esc) {
        char c = esc.charAt(1);
        return switch (c) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'r' -> "\r";
            case '0' -> "\0";
            case '\\' -> "\\";
            case '"' -> "\"";
            case '$' -> "$";
            case 'u' -> unicode(esc);
            default -> null;
        };
    }

    private static String unicode(String esc) {
        if (!esc.startsWith("\\u{")) {
            return null;
        }
        try {
            int cp = Integer.parseInt(esc.substring(3, esc.length() - 1), 16);
            return Character.isValidCodePoint(cp) ? Character.toString(cp) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
