"""Layer 4: how an exhibit becomes words and bytes.

``formats`` serialises tables and figures deterministically (with ``style``,
the matplotlib settings that make figure bytes reproducible, and ``latex``,
the one LaTeX escaper); ``htmltable`` renders frames for notebook readers;
``bib`` writes the reference list as BibTeX; ``tables`` lays out the four
printed tables; ``narrative`` writes the sentences that state computed numbers.
"""
