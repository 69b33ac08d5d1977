// Extracts mecab-ko-dic 2.0.3-20170922 as compiled into Lucene's Korean analyzer (Nori, Debian liblucene8-java)
// through Lucene's own public classes, into plain intermediate files that build.mjs compiles for korner.
//
//   javac -cp $CP -d OUT ExtractNori.java && java -cp $CP:OUT ExtractNori OUTDIR
//
// Writes to OUTDIR:
//   lexicon.tsv   one line per (surface, word id), FST order:
//                 surface, leftId, rightId, cost, type, leftPOS, rightPOS, reading, morphemes (surface/TAG joined by '+')
//   unknown.tsv   one line per unknown-word definition: class, invoke, group, leftId, rightId, cost, leftPOS, rightPOS
//   matrix.bin    the connection costs as little-endian int16, row = left id of the next word, column = right id
//                 of the previous word (so that one row is contiguous for a given next word); dims in matrix.json
//   chars.bin     per UTF-16 code unit (65536 entries) a little-endian uint32 of facts from the JDK and the
//                 CharacterDefinition (see build.mjs for the bit layout)
//   info.json     versions and sizes
//   LICENSE.txt, NOTICE.txt  from the nori jar's META-INF (Apache-2.0; the NOTICE carries mecab-ko-dic's)
import java.io.*;
import java.lang.reflect.*;
import java.nio.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.List;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.dict.*;
import org.apache.lucene.util.IntsRef;
import org.apache.lucene.util.fst.FST;
import org.apache.lucene.util.fst.IntsRefFSTEnum;

public class ExtractNori {
  static String clean(String s) {
    if (s == null) return "";
    return s.replace('\t', ' ').replace('\n', ' ');
  }

  static String morphemes(Dictionary dict, int wordId, char[] chars) {
    Dictionary.Morpheme[] ms = dict.getMorphemes(wordId, chars, 0, chars.length);
    if (ms == null) return "";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < ms.length; i++) {
      if (i > 0) sb.append('+');
      sb.append(clean(ms[i].surfaceForm)).append('/').append(ms[i].posTag.name());
    }
    return sb.toString();
  }

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    Path out = Paths.get(args[0]);
    Files.createDirectories(out);
    TokenInfoDictionary dict = TokenInfoDictionary.getInstance();
    // TokenInfoFST.getInternalFST() is package-private: read the field through reflection.
    Field fstField = TokenInfoFST.class.getDeclaredField("fst");
    fstField.setAccessible(true);
    FST<Long> fst = (FST<Long>) fstField.get(dict.getFST());

    long entries = 0;
    int surfaces = 0;
    try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out.resolve("lexicon.tsv")), StandardCharsets.UTF_8), 1 << 20)) {
      IntsRefFSTEnum<Long> e = new IntsRefFSTEnum<>(fst);
      IntsRefFSTEnum.InputOutput<Long> io;
      IntsRef ids = new IntsRef();
      while ((io = e.next()) != null) {
        IntsRef in = io.input;
        char[] chars = new char[in.length];
        for (int i = 0; i < in.length; i++) chars[i] = (char) in.ints[in.offset + i];
        String surface = new String(chars);
        dict.lookupWordIds(io.output.intValue(), ids);
        surfaces++;
        for (int k = 0; k < ids.length; k++) {
          int id = ids.ints[ids.offset + k];
          w.write(clean(surface)); w.write('\t');
          w.write(Integer.toString(dict.getLeftId(id))); w.write('\t');
          w.write(Integer.toString(dict.getRightId(id))); w.write('\t');
          w.write(Integer.toString(dict.getWordCost(id))); w.write('\t');
          w.write(dict.getPOSType(id).name()); w.write('\t');
          w.write(dict.getLeftPOS(id).name()); w.write('\t');
          w.write(dict.getRightPOS(id).name()); w.write('\t');
          w.write(clean(dict.getReading(id))); w.write('\t');
          w.write(morphemes(dict, id, chars)); w.write('\n');
          entries++;
        }
      }
    }

    UnknownDictionary unk = UnknownDictionary.getInstance();
    CharacterDefinition cd = unk.getCharacterDefinition();
    String[] classNames = {"NGRAM", "DEFAULT", "SPACE", "SYMBOL", "NUMERIC", "ALPHA", "CYRILLIC", "GREEK", "HIRAGANA", "KATAKANA", "KANJI", "HANGUL", "HANJA", "HANJANUMERIC"};
    try (Writer w = new OutputStreamWriter(Files.newOutputStream(out.resolve("unknown.tsv")), StandardCharsets.UTF_8)) {
      IntsRef ids = new IntsRef();
      for (String name : classNames) {
        byte cls = CharacterDefinition.lookupCharacterClass(name);
        unk.lookupWordIds(cls, ids);
        for (int k = 0; k < ids.length; k++) {
          int id = ids.ints[ids.offset + k];
          w.write(name + "\t" + cls + "\t" + unk.getLeftId(id) + "\t" + unk.getRightId(id) + "\t" + unk.getWordCost(id)
              + "\t" + unk.getLeftPOS(id).name() + "\t" + unk.getRightPOS(id).name() + "\n");
        }
      }
    }

    ConnectionCosts cc = ConnectionCosts.getInstance();
    Field fs = ConnectionCosts.class.getDeclaredField("forwardSize");
    fs.setAccessible(true);
    int forwardSize = fs.getInt(cc);
    Field bf = ConnectionCosts.class.getDeclaredField("buffer");
    bf.setAccessible(true);
    int totalCells = ((ByteBuffer) bf.get(cc)).capacity() / 2;
    int backwardSize = totalCells / forwardSize;
    // Probe which argument the forward size belongs to: get(rightIdOfPrevious, leftIdOfNext).
    int rightCount = forwardSize, leftCount = backwardSize;
    try { cc.get(rightCount - 1, leftCount - 1); } catch (Exception ex) { rightCount = backwardSize; leftCount = forwardSize; }
    ByteBuffer mb = ByteBuffer.allocate(rightCount * leftCount * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int l = 0; l < leftCount; l++)
      for (int r = 0; r < rightCount; r++) mb.putShort((short) cc.get(r, l));
    Files.write(out.resolve("matrix.bin"), mb.array());

    // Character facts. Bits: 0-3 character class, 4 invoke, 5 group, 6-10 java Character.getType, 11 isDigit,
    // 12-19 UnicodeScript ordinal (255 = none).
    ByteBuffer cb = ByteBuffer.allocate(65536 * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int c = 0; c < 65536; c++) {
      char ch = (char) c;
      int v = cd.getCharacterClass(ch) & 15;
      if (cd.isInvoke(ch)) v |= 1 << 4;
      if (cd.isGroup(ch)) v |= 1 << 5;
      v |= (Character.getType(ch) & 31) << 6;
      if (Character.isDigit(ch)) v |= 1 << 11;
      int script = 255;
      try { script = Character.UnicodeScript.of(c).ordinal(); } catch (Exception ex) { }
      v |= (script & 255) << 12;
      cb.putInt(v);
    }
    Files.write(out.resolve("chars.bin"), cb.array());

    // The licence and notice that travel with the data: those of the jar that carries the dictionary.
    try (java.util.jar.JarFile jar = new java.util.jar.JarFile(new File(TokenInfoDictionary.class.getProtectionDomain().getCodeSource().getLocation().toURI()))) {
      for (String name : new String[] {"LICENSE.txt", "NOTICE.txt"}) {
        try (InputStream in = jar.getInputStream(jar.getEntry("META-INF/" + name))) {
          Files.write(out.resolve(name), in.readAllBytes());
        }
      }
    }

    StringBuilder scripts = new StringBuilder();
    for (Character.UnicodeScript s : Character.UnicodeScript.values()) { if (scripts.length() > 0) scripts.append(','); scripts.append('"').append(s.name()).append('"'); }
    String info = "{\n  \"source\": \"mecab-ko-dic 2.0.3-20170922 via Lucene Nori\",\n"
        + "  \"lucene\": \"" + org.apache.lucene.util.Version.LATEST + "\",\n"
        + "  \"java\": \"" + System.getProperty("java.version") + "\",\n"
        + "  \"surfaces\": " + surfaces + ",\n  \"entries\": " + entries + ",\n"
        + "  \"rightIds\": " + rightCount + ",\n  \"leftIds\": " + leftCount + ",\n"
        + "  \"unicodeScripts\": [" + scripts + "]\n}\n";
    Files.write(out.resolve("info.json"), info.getBytes(StandardCharsets.UTF_8));
    System.err.println("surfaces=" + surfaces + " entries=" + entries + " matrix=" + rightCount + "x" + leftCount);
  }
}
