#!/usr/bin/env python3
"""Writes a WordPress export (WXR 1.2, WordPress 6's layout) of POSTS posts and COMMENTS comments to FILE, streamed.

Comments are spread evenly over the posts; every fourth one answers the comment before it (threads up to four deep),
one in fifty is held and one in a hundred is spam; names and words mix Latin, Turkish, Hebrew and emoji, as the test
export does. Four authors, twelve categories, forty tags. Usage: import_scale_wxr.py FILE POSTS COMMENTS
"""
import sys

NAMES = ["Oğuz Türk", "נועה", "Sam", "Ayşe Yılmaz", "Dalia Cohen", "Kaan", "Miriam Haddad", "Reader"]
WORDS = ("the ferry leaves at dawn and the harbour wakes slowly while gulls argue over the quay "
         "שלום המעבורת חוזרת 🎉 ayrıca limanda yeni bir iskele yapılıyor 🚢").split()


def text(n, length):
    return " ".join(WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(length))


def main():
    path, posts, comments = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    per_post, extra = divmod(comments, max(posts, 1))
    comment_id = 0
    with open(path, "w", encoding="utf-8", buffering=1 << 20) as out:
        w = out.write
        w('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0"\n'
          '\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"\n'
          '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
          '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
          '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
          '\txmlns:wp="http://wordpress.org/export/1.2/"\n>\n<channel>\n'
          '\t<title>Scale Harbour</title>\n\t<link>https://scale.example</link>\n'
          '\t<wp:wxr_version>1.2</wp:wxr_version>\n\t<wp:base_site_url>https://scale.example</wp:base_site_url>\n'
          '\t<wp:base_blog_url>https://scale.example</wp:base_blog_url>\n')
        for a in range(4):
            w(f'\t<wp:author><wp:author_id>{a + 1}</wp:author_id><wp:author_login><![CDATA[writer{a}]]></wp:author_login>'
              f'<wp:author_email><![CDATA[writer{a}@scale.example]]></wp:author_email>'
              f'<wp:author_display_name><![CDATA[{NAMES[a]}]]></wp:author_display_name></wp:author>\n')
        for c in range(12):
            w(f'\t<wp:category><wp:term_id>{c + 1}</wp:term_id><wp:category_nicename><![CDATA[section-{c}]]></wp:category_nicename>'
              f'<wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Section {c}]]></wp:cat_name></wp:category>\n')
        for t in range(40):
            w(f'\t<wp:tag><wp:term_id>{100 + t}</wp:term_id><wp:tag_slug><![CDATA[tag-{t}]]></wp:tag_slug>'
              f'<wp:tag_name><![CDATA[Tag {t}]]></wp:tag_name></wp:tag>\n')
        for p in range(1, posts + 1):
            day = 1 + p % 28
            month = 1 + (p // 28) % 12
            year = 2010 + (p // 336) % 15
            date = f"{year}-{month:02d}-{day:02d} {p % 24:02d}:{p % 60:02d}:00"
            body = "\n\n".join(f"<!-- wp:paragraph -->\n<p>{text(p + i, 60)}</p>\n<!-- /wp:paragraph -->" for i in range(6))
            w(f'\t<item>\n\t\t<title><![CDATA[Harbour diary {p}: {text(p, 6)}]]></title>\n'
              f'\t\t<link>https://scale.example/{year}/{month:02d}/harbour-diary-{p}/</link>\n'
              f'\t\t<dc:creator><![CDATA[writer{p % 4}]]></dc:creator>\n'
              f'\t\t<guid isPermaLink="false">https://scale.example/?p={p}</guid>\n'
              f'\t\t<content:encoded><![CDATA[{body}]]></content:encoded>\n'
              f'\t\t<excerpt:encoded><![CDATA[{text(p, 20)}]]></excerpt:encoded>\n'
              f'\t\t<wp:post_id>{p}</wp:post_id>\n\t\t<wp:post_date><![CDATA[{date}]]></wp:post_date>\n'
              f'\t\t<wp:post_date_gmt><![CDATA[{date}]]></wp:post_date_gmt>\n'
              f'\t\t<wp:comment_status><![CDATA[open]]></wp:comment_status>\n'
              f'\t\t<wp:post_name><![CDATA[harbour-diary-{p}]]></wp:post_name>\n'
              f'\t\t<wp:status><![CDATA[publish]]></wp:status>\n\t\t<wp:post_type><![CDATA[post]]></wp:post_type>\n'
              f'\t\t<category domain="category" nicename="section-{p % 12}"><![CDATA[Section {p % 12}]]></category>\n'
              f'\t\t<category domain="post_tag" nicename="tag-{p % 40}"><![CDATA[Tag {p % 40}]]></category>\n')
            count = per_post + (1 if p <= extra else 0)
            depth = 0
            for i in range(count):
                comment_id += 1
                depth = depth + 1 if i % 4 != 0 and depth < 4 else 0
                parent = comment_id - 1 if depth > 0 else 0
                approved = "spam" if comment_id % 100 == 0 else "0" if comment_id % 50 == 0 else "1"
                name = NAMES[comment_id % len(NAMES)]
                w(f'\t\t<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>'
                  f'<wp:comment_author><![CDATA[{name}]]></wp:comment_author>'
                  f'<wp:comment_author_email><![CDATA[reader{comment_id % 5000}@mail.example]]></wp:comment_author_email>'
                  f'<wp:comment_date_gmt><![CDATA[{date}]]></wp:comment_date_gmt>'
                  f'<wp:comment_content><![CDATA[{text(comment_id, 25)}]]></wp:comment_content>'
                  f'<wp:comment_approved><![CDATA[{approved}]]></wp:comment_approved>'
                  f'<wp:comment_type><![CDATA[comment]]></wp:comment_type>'
                  f'<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>\n')
            w('\t</item>\n')
        w('</channel>\n</rss>\n')


if __name__ == "__main__":
    main()
