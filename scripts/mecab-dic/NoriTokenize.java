// Runs Lucene's Korean tokenizer (Nori, from Debian's liblucene8-java) with Elasticsearch's defaults
// (decompound "discard", no user dictionary, discardPunctuation true) for the comparison in compare-nori.mjs.
//
//   java -cp $CP:OUT NoriTokenize tokens [none|discard|mixed] < lines.txt   one output line per input line:
//        tokens separated by TAB, each "start,end,surface,leftPOS,type" (offsets in UTF-16 units of the line)
//   java -cp $CP:OUT NoriTokenize count FILE                                tokenizes FILE line by line and
//        prints "tokens=N chars=N" (for whole-process timing: JVM start, dictionary load, one pass)
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

public class NoriTokenize {
  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "tokens";
    if (mode.equals("count")) {
      KoreanTokenizer tok = new KoreanTokenizer(KoreanTokenizer.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, null,
          KoreanTokenizer.DecompoundMode.DISCARD, false, true);
      CharTermAttribute term = tok.addAttribute(CharTermAttribute.class);
      long tokens = 0, chars = 0;
      try (BufferedReader r = Files.newBufferedReader(Paths.get(args[1]), StandardCharsets.UTF_8)) {
        String line;
        while ((line = r.readLine()) != null) {
          chars += line.length() + 1;
          tok.setReader(new StringReader(line));
          tok.reset();
          while (tok.incrementToken()) tokens++;
          tok.end();
          tok.close();
        }
      }
      System.out.println("tokens=" + tokens + " chars=" + chars);
      return;
    }
    KoreanTokenizer.DecompoundMode dm = KoreanTokenizer.DecompoundMode.valueOf((args.length > 1 ? args[1] : "discard").toUpperCase());
    KoreanTokenizer tok = new KoreanTokenizer(KoreanTokenizer.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, null, dm, false, true);
    CharTermAttribute term = tok.addAttribute(CharTermAttribute.class);
    OffsetAttribute off = tok.addAttribute(OffsetAttribute.class);
    PartOfSpeechAttribute pos = tok.addAttribute(PartOfSpeechAttribute.class);
    BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintWriter w = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
    String line;
    while ((line = r.readLine()) != null) {
      tok.setReader(new StringReader(line));
      tok.reset();
      StringBuilder sb = new StringBuilder();
      while (tok.incrementToken()) {
        if (sb.length() > 0) sb.append('\t');
        sb.append(off.startOffset()).append(',').append(off.endOffset()).append(',').append(term.toString())
            .append(',').append(pos.getLeftPOS()).append(',').append(pos.getPOSType());
      }
      tok.end();
      tok.close();
      w.println(sb);
    }
    w.flush();
  }
}
