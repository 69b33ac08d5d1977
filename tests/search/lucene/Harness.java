import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanReadingFormFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongRange;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * korner's real-engine check (issue 16): Lucene 8 with the Nori analysis chains that Elasticsearch, OpenSearch and Solr
 * build, driven from argv, answering in JSON lines on stdout.
 *
 * <pre>
 * synonyms CHAIN FILE [USERDICT]                   parse a Solr synonym file against CHAIN, rule by rule
 * search CHAIN SYNONYMS USERDICT DOCS QUERIES [MAPPING]
 *                                                  index DOCS in memory, answer each query of QUERIES
 * analyze CHAIN USERDICT TEXT...                   the tokens of each TEXT (for failure messages)
 * </pre>
 *
 * CHAIN is nori, nori-readingform or standard; "-" stands for no SYNONYMS or USERDICT file. Exit status 0 when the
 * command ran (whatever it found), 1 when an input was refused (the engine would refuse the index), 2 on bad usage.
 */
public final class Harness {
  public static void main(String[] args) throws Exception {
    if (args.length == 0) usage();
    switch (args[0]) {
      case "synonyms":
        if (args.length < 3 || args.length > 4) usage();
        System.exit(synonyms(args[1], args[2], args.length == 4 ? args[3] : "-"));
        break;
      case "search":
        if (args.length < 6 || args.length > 7) usage();
        System.exit(search(args[1], args[2], args[3], args[4], args[5], args.length == 7 ? args[6] : null));
        break;
      case "analyze":
        if (args.length < 4) usage();
        Analyzer analyzer = chain(args[1], userDictionary(args[2]), null);
        for (int k = 3; k < args.length; k++) {
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("text", args[k]);
          line.put("tokens", tokens(analyzer, args[k]));
          print(line);
        }
        break;
      default:
        usage();
    }
  }

  private static void usage() {
    System.err.println("usage: Harness synonyms CHAIN FILE [USERDICT]");
    System.err.println("       Harness search CHAIN SYNONYMS USERDICT DOCS QUERIES [MAPPING]");
    System.err.println("       Harness analyze CHAIN USERDICT TEXT...");
    System.err.println("CHAIN: nori | nori-readingform | standard; '-' for no SYNONYMS / USERDICT");
    System.exit(2);
  }

  private static void print(Object value) {
    System.out.println(Json.write(value));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Analysis chains

  /** Nori's user dictionary from a file, or null for "-" (the tokenizer then uses mecab-ko-dic alone). */
  static UserDictionary userDictionary(String path) throws IOException {
    if (path.equals("-")) return null;
    try (Reader reader = Files.newBufferedReader(Paths.get(path), StandardCharsets.UTF_8)) {
      return UserDictionary.open(reader); // null when the file holds no entries, which the tokenizer accepts
    }
  }

  /**
   * The analysis chain by name, as Elasticsearch builds it; with a synonym map, SynonymGraphFilter is added last, as a
   * search_analyzer with a synonym_graph filter does (ES parses the rules with the filters that come before it, which
   * is what {@link #synonyms} does with the chain without the map).
   *
   * <ul>
   *   <li>nori: nori_tokenizer (decompound_mode discard and discard_punctuation true, ES's defaults; the user
   *       dictionary when given) + nori_part_of_speech (its default stop tags) + lowercase.
   *   <li>nori-readingform: the same with nori_readingform before lowercase. This is exactly Lucene's KoreanAnalyzer,
   *       i.e. Elasticsearch's built-in "nori" analyzer; it turns Hanja into their Hangul readings (威海 → 위해).
   *   <li>standard: standard tokenizer + lowercase (ES's "standard" analyzer, which has no stop words by default).
   * </ul>
   */
  static Analyzer chain(String name, UserDictionary userDictionary, SynonymMap synonyms) {
    if (!name.equals("nori") && !name.equals("nori-readingform") && !name.equals("standard")) {
      System.err.println("unknown chain: " + name);
      System.exit(2);
    }
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source;
        TokenStream stream;
        if (name.equals("standard")) {
          source = new StandardTokenizer();
          stream = source;
        } else {
          source = new KoreanTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, userDictionary,
              KoreanTokenizer.DecompoundMode.DISCARD, false, true);
          stream = new KoreanPartOfSpeechStopFilter(source);
          if (name.equals("nori-readingform")) stream = new KoreanReadingFormFilter(stream);
        }
        stream = new LowerCaseFilter(stream);
        // ignoreCase false: the chain has already lower-cased both the rules and the text.
        if (synonyms != null) stream = new SynonymGraphFilter(stream, synonyms, false);
        return new TokenStreamComponents(source, stream);
      }
    };
  }

  /** The terms a chain makes of a text; a term after a gap (a removed stop tag) is marked with a leading "_ ". */
  static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add((inc.getPositionIncrement() > 1 ? "_ " : "") + term.toString());
      ts.end();
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // synonyms: does the engine accept the file?

  /** Parses a Solr-format synonym file as ES's synonym_graph filter would (expand true, dedup true). */
  static SynonymMap parseSynonyms(Analyzer analyzer, String text) throws IOException, java.text.ParseException {
    SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
    parser.parse(new StringReader(text));
    return parser.build();
  }

  /** Lucene wraps the reason ("... analyzed to a token with position increment != 1") in a ParseException. */
  static String reason(Throwable e) {
    StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) out.append(": ").append(cause.getMessage());
    return out.toString();
  }

  /**
   * Tries every rule alone, so that one bad rule does not hide the others (the parser stops at the first), then the
   * whole file (rules can also clash with each other). Prints {"ok":true,"rules":N} or one {"ok":false,...} per
   * failing rule; line 0 is a failure of the whole file that no single rule shows.
   */
  static int synonyms(String chainName, String file, String userDict) throws IOException {
    Analyzer analyzer = chain(chainName, userDictionary(userDict), null);
    String text = new String(Files.readAllBytes(Paths.get(file)), StandardCharsets.UTF_8);
    String[] lines = text.split("\r?\n", -1);
    int rules = 0;
    int failed = 0;
    for (int n = 0; n < lines.length; n++) {
      String rule = lines[n].trim();
      if (rule.isEmpty() || rule.startsWith("#")) continue; // as SolrSynonymParser skips them
      rules++;
      try {
        parseSynonyms(analyzer, rule);
      } catch (Exception e) {
        failed++;
        print(failure(n + 1, rule, reason(e)));
      }
    }
    if (failed == 0) {
      try {
        parseSynonyms(analyzer, text);
      } catch (Exception e) {
        failed++;
        print(failure(0, "(whole file)", reason(e)));
      }
    }
    if (failed == 0) {
      Map<String, Object> ok = new LinkedHashMap<>();
      ok.put("ok", true);
      ok.put("rules", rules);
      print(ok);
    }
    return 0;
  }

  private static Map<String, Object> failure(int line, String rule, String error) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ok", false);
    out.put("line", line);
    out.put("rule", rule);
    out.put("error", error);
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // search: index the documents, answer the queries

  /**
   * Indexes DOCS (flattened documents, one JSON object a line, or Elasticsearch _bulk NDJSON) into a ByteBuffersDirectory
   * and answers each line of QUERIES. With MAPPING (an Elasticsearch index template or mapping, as korner index
   * --mapping writes it), each field is indexed as its type says and a field the mapping lacks refuses the document;
   * without it, by the generic rules of {@link #document}.
   *
   * <ul>
   *   <li>{"name","text"[,"field"][,"operator":"and"|"or"|"phrase"][,"synonyms":false]} → {"name","ids","query"}
   *   <li>{"name","dateFrom","dateTo"[,"field":"date"][,"relation":"intersects"|"within"]} → {"name","ids"}
   *   <li>{"name","facet":"place"} → {"name","counts":{value: documents}}
   * </ul>
   */
  static int search(String chainName, String synonymFile, String userDict, String docsFile, String queriesFile,
      String mappingFile) throws IOException {
    Map<?, ?> mapping = mappingFile == null ? null : properties(mappingFile);
    UserDictionary dictionary = userDictionary(userDict);
    Analyzer indexAnalyzer = chain(chainName, dictionary, null);
    SynonymMap synonyms = null;
    if (!synonymFile.equals("-")) {
      String text = new String(Files.readAllBytes(Paths.get(synonymFile)), StandardCharsets.UTF_8);
      try {
        synonyms = parseSynonyms(indexAnalyzer, text);
      } catch (Exception e) {
        // Elasticsearch refuses to create the index in this case; so do we.
        System.err.println("synonyms refused: " + reason(e));
        return 1;
      }
    }
    Analyzer searchAnalyzer = synonyms == null ? indexAnalyzer : chain(chainName, dictionary, synonyms);

    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(indexAnalyzer))) {
      for (Document doc : readDocuments(docsFile, mapping)) writer.addDocument(doc);
    } catch (IllegalArgumentException e) {
      System.err.println("documents refused: " + e.getMessage());
      return 1;
    }

    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      for (String line : Files.readAllLines(Paths.get(queriesFile), StandardCharsets.UTF_8)) {
        if (line.trim().isEmpty()) continue;
        @SuppressWarnings("unchecked")
        Map<String, Object> q = (Map<String, Object>) Json.parse(line);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", q.get("name"));
        try {
          if (q.containsKey("facet")) {
            out.put("counts", facetCounts(reader, (String) q.get("facet")));
          } else if (q.containsKey("text")) {
            boolean useSynonyms = !Boolean.FALSE.equals(q.get("synonyms"));
            Query query = textQuery(useSynonyms ? searchAnalyzer : indexAnalyzer, q);
            out.put("query", query == null ? null : query.toString());
            out.put("ids", query == null ? Collections.emptyList() : ids(searcher, query));
          } else if (q.containsKey("dateFrom") || q.containsKey("dateTo")) {
            out.put("ids", ids(searcher, dateQuery(q)));
          } else {
            out.put("error", "a query needs text, dateFrom/dateTo or facet");
          }
        } catch (RuntimeException e) {
          out.put("error", reason(e));
        }
        print(out);
      }
    }
    return 0;
  }

  /**
   * The query Elasticsearch's match query builds, with "operator": "and" by default: QueryBuilder.createBooleanQuery
   * reads the token graph that SynonymGraphFilter makes (one path per synonym), and autoGenerateMultiTermSynonymsPhrase
   * (on in ES) turns a multi-token synonym (전자통신연구원 → 전자 통신 연구원) into a phrase. AND rather than ES's default
   * OR because the check is about names: with OR, a name that Nori cuts in two (웨이 하이) would find every document
   * holding one half, which says nothing about synonyms. "phrase" is match_phrase, for comparison.
   */
  static Query textQuery(Analyzer analyzer, Map<String, Object> q) {
    String field = (String) q.getOrDefault("field", "text");
    String text = (String) q.get("text");
    QueryBuilder builder = new QueryBuilder(analyzer);
    builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    String operator = (String) q.getOrDefault("operator", "and");
    switch (operator) {
      case "and":
        return builder.createBooleanQuery(field, text, BooleanClause.Occur.MUST);
      case "or":
        return builder.createBooleanQuery(field, text, BooleanClause.Occur.SHOULD);
      case "phrase":
        return builder.createPhraseQuery(field, text);
      default:
        throw new IllegalArgumentException("unknown operator: " + operator);
    }
  }

  /**
   * Date values are indexed as ranges of epoch days (a day is [d, d], 2015-11 is the whole month), as a date_range
   * field holds periods; "intersects" is the default relation of ES's range query on such a field.
   */
  static Query dateQuery(Map<String, Object> q) {
    String field = (String) q.getOrDefault("field", "date");
    long[] from = {q.containsKey("dateFrom") ? dateRange((String) q.get("dateFrom"))[0] : Long.MIN_VALUE};
    long[] to = {q.containsKey("dateTo") ? dateRange((String) q.get("dateTo"))[1] : Long.MAX_VALUE};
    String relation = (String) q.getOrDefault("relation", "intersects");
    if (relation.equals("within")) return LongRange.newWithinQuery(field, from, to);
    if (relation.equals("intersects")) return LongRange.newIntersectsQuery(field, from, to);
    throw new IllegalArgumentException("unknown relation: " + relation);
  }

  static List<String> ids(IndexSearcher searcher, Query query) throws IOException {
    List<String> ids = new ArrayList<>();
    int n = Math.max(1, searcher.getIndexReader().maxDoc());
    for (ScoreDoc hit : searcher.search(query, n).scoreDocs) ids.add(searcher.doc(hit.doc).get("id"));
    Collections.sort(ids);
    return ids;
  }

  /** Documents per value of a keyword field, from its doc values, as a terms aggregation counts them. */
  static Map<String, Object> facetCounts(DirectoryReader reader, String field) throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      SortedSetDocValues values = leaf.reader().getSortedSetDocValues(field);
      if (values == null) continue;
      while (values.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
        for (long ord = values.nextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.nextOrd()) {
          counts.merge(values.lookupOrd(ord).utf8ToString(), 1, Integer::sum);
        }
      }
    }
    return new LinkedHashMap<>(counts);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Documents

  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?(?:T.*)?");

  /** [first day, last day] (epoch days) of yyyy, yyyy-MM or yyyy-MM-dd[T...]; null when the text is none of them. */
  static long[] dateRange(String text) {
    Matcher m = ISO_DATE.matcher(text);
    if (!m.matches()) return null;
    int year = Integer.parseInt(m.group(1));
    if (m.group(2) == null) {
      Year y = Year.of(year);
      return new long[] {y.atDay(1).toEpochDay(), y.atDay(y.length()).toEpochDay()};
    }
    int month = Integer.parseInt(m.group(2));
    if (m.group(3) == null) {
      YearMonth ym = YearMonth.of(year, month);
      return new long[] {ym.atDay(1).toEpochDay(), ym.atEndOfMonth().toEpochDay()};
    }
    long day = LocalDate.of(year, month, Integer.parseInt(m.group(3))).toEpochDay();
    return new long[] {day, day};
  }

  /** A period object: {"gte","lte"} (ES range) or {"start","end"} (korner's period values). */
  static long[] periodRange(Map<?, ?> value) {
    Object from = value.containsKey("gte") ? value.get("gte") : value.get("start");
    Object to = value.containsKey("lte") ? value.get("lte") : value.get("end");
    if (!(from instanceof String) || !(to instanceof String)) return null;
    long[] a = dateRange((String) from);
    long[] b = dateRange((String) to);
    return a == null || b == null ? null : new long[] {a[0], b[1]};
  }

  /**
   * Reads the documents: one JSON object a line; in _bulk NDJSON, an action line ({"index":{"_id":…}} or "create")
   * names the document on the next line, whose id it gives.
   */
  static List<Document> readDocuments(String file, Map<?, ?> mapping) throws IOException {
    List<Document> docs = new ArrayList<>();
    String pendingId = null;
    boolean pendingAction = false;
    int lineNumber = 0;
    for (String line : Files.readAllLines(Paths.get(file), StandardCharsets.UTF_8)) {
      lineNumber++;
      if (line.trim().isEmpty()) continue;
      Object parsed = Json.parse(line);
      if (!(parsed instanceof Map)) throw new IllegalArgumentException("line " + lineNumber + ": not an object");
      Map<?, ?> object = (Map<?, ?>) parsed;
      if (!pendingAction && object.size() == 1) {
        Object key = object.keySet().iterator().next();
        Object meta = object.get(key);
        if (meta instanceof Map && (key.equals("index") || key.equals("create"))) {
          Object id = ((Map<?, ?>) meta).get("_id");
          pendingId = id == null ? null : String.valueOf(id);
          pendingAction = true;
          continue;
        }
        if (meta instanceof Map && (key.equals("update") || key.equals("delete"))) {
          throw new IllegalArgumentException("line " + lineNumber + ": bulk action " + key + " is not for a new index");
        }
      }
      Object ownId = object.get("id");
      String id = pendingId != null ? pendingId : ownId != null ? String.valueOf(ownId) : "line " + lineNumber;
      try {
        docs.add(mapping == null ? document(id, object) : mappedDocument(id, object, mapping));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("document " + id + " (line " + lineNumber + "): " + e.getMessage());
      }
      pendingId = null;
      pendingAction = false;
    }
    if (pendingAction) throw new IllegalArgumentException("the last bulk action has no document");
    return docs;
  }

  /**
   * One Lucene document: "text" (and "title") analyzed; every other string, at any depth ("quantity.unit"), a keyword
   * (StringField to filter, SortedSetDocValues to count, like ES's keyword type); ISO dates and period objects also a
   * LongRange of epoch days in their field. Numbers and booleans are not needed by the checks and are left out.
   */
  static Document document(String id, Map<?, ?> source) {
    Document doc = new Document();
    doc.add(new StringField("id", id, Field.Store.YES));
    for (Map.Entry<?, ?> e : source.entrySet()) {
      String field = String.valueOf(e.getKey());
      if (field.equals("id")) continue;
      if ((field.equals("text") || field.equals("title")) && e.getValue() instanceof String) {
        doc.add(new TextField(field, (String) e.getValue(), Field.Store.NO));
      } else {
        addValue(doc, field, e.getValue());
      }
    }
    return doc;
  }

  private static void addValue(Document doc, String field, Object value) {
    if (value instanceof String) {
      String text = (String) value;
      doc.add(new StringField(field, text, Field.Store.NO));
      doc.add(new SortedSetDocValuesField(field, new BytesRef(text)));
      long[] range = dateRange(text);
      if (range != null) doc.add(new LongRange(field, new long[] {range[0]}, new long[] {range[1]}));
    } else if (value instanceof List) {
      for (Object item : (List<?>) value) addValue(doc, field, item);
    } else if (value instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) value;
      long[] range = periodRange(map);
      if (range != null) {
        doc.add(new LongRange(field, new long[] {range[0]}, new long[] {range[1]}));
        return;
      }
      for (Map.Entry<?, ?> e : map.entrySet()) addValue(doc, field + "." + e.getKey(), e.getValue());
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Documents as a mapping says

  /** The field mappings ("properties") of an index template ({"template":{"mappings":…}}) or a bare mapping. */
  static Map<?, ?> properties(String file) throws IOException {
    Object root = Json.parse(new String(Files.readAllBytes(Paths.get(file)), StandardCharsets.UTF_8));
    Object node = root;
    for (String key : new String[] {"template", "mappings"}) {
      if (node instanceof Map && ((Map<?, ?>) node).containsKey(key)) node = ((Map<?, ?>) node).get(key);
    }
    Object properties = node instanceof Map ? ((Map<?, ?>) node).get("properties") : null;
    if (!(properties instanceof Map)) throw new IllegalArgumentException(file + ": no mappings.properties");
    return (Map<?, ?>) properties;
  }

  /**
   * One Lucene document, each field as the mapping types it (the types korner's template uses): text analyzed;
   * keyword as StringField + SortedSetDocValues; date as the range of its first day (ES reads 2023-11 as its first
   * instant); date_range from {gte, lte}; double as DoublePoint; object and nested by their properties (nested
   * objects are flattened into the document: enough for counting and ranges), skipped when "enabled": false.
   * A value of the wrong shape is refused, as Elasticsearch refuses the bulk item.
   */
  static Document mappedDocument(String id, Map<?, ?> source, Map<?, ?> properties) {
    Document doc = new Document();
    doc.add(new StringField("id", id, Field.Store.YES));
    for (Map.Entry<?, ?> e : source.entrySet()) {
      String field = String.valueOf(e.getKey());
      if (field.equals("id")) continue;
      addMapped(doc, field, e.getValue(), properties);
    }
    return doc;
  }

  private static void addMapped(Document doc, String field, Object value, Map<?, ?> properties) {
    String name = field.substring(field.lastIndexOf('.') + 1);
    Object spec = properties.get(name);
    if (!(spec instanceof Map)) throw new IllegalArgumentException("field " + field + " is not in the mapping");
    Map<?, ?> mapped = (Map<?, ?>) spec;
    if (value == null) return;
    if (value instanceof List) {
      for (Object item : (List<?>) value) addMapped(doc, field, item, properties);
      return;
    }
    Object type = mapped.containsKey("type") ? mapped.get("type") : "object";
    switch (String.valueOf(type)) {
      case "text":
        doc.add(new TextField(field, expect(String.class, value, field), Field.Store.NO));
        break;
      case "keyword": {
        String text = expect(String.class, value, field);
        doc.add(new StringField(field, text, Field.Store.NO));
        doc.add(new SortedSetDocValuesField(field, new BytesRef(text)));
        break;
      }
      case "date": {
        long[] range = dateRange(expect(String.class, value, field));
        if (range == null) throw new IllegalArgumentException("field " + field + ": not a date: " + value);
        doc.add(new LongRange(field, new long[] {range[0]}, new long[] {range[0]}));
        break;
      }
      case "date_range": {
        long[] range = periodRange(expect(Map.class, value, field));
        if (range == null) throw new IllegalArgumentException("field " + field + ": not a date range: " + Json.write(value));
        doc.add(new LongRange(field, new long[] {range[0]}, new long[] {range[1]}));
        break;
      }
      case "double":
        doc.add(new DoublePoint(field, expect(Double.class, value, field)));
        break;
      case "object":
      case "nested": {
        if (Boolean.FALSE.equals(mapped.get("enabled"))) return;
        Object inner = mapped.get("properties");
        if (!(inner instanceof Map)) throw new IllegalArgumentException("field " + field + ": no properties in the mapping");
        Map<?, ?> object = expect(Map.class, value, field);
        for (Map.Entry<?, ?> e : object.entrySet()) {
          addMapped(doc, field + "." + e.getKey(), e.getValue(), (Map<?, ?>) inner);
        }
        break;
      }
      default:
        throw new IllegalArgumentException("field " + field + ": mapping type " + type + " is not supported here");
    }
  }

  private static <T> T expect(Class<T> kind, Object value, String field) {
    if (!kind.isInstance(value)) {
      throw new IllegalArgumentException("field " + field + ": expected " + kind.getSimpleName() + ", got " + Json.write(value));
    }
    return kind.cast(value);
  }
}
