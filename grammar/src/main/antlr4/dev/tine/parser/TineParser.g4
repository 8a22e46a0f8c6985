// The Tine grammar. Statement terminators (TERM) come from TerminatorInsertingLexer, which
// keeps a newline only where Go's rule says a statement may end and never gives two in a row.
// The rules are written so that no decision needs to look further than the next few tokens:
// the trailing terms belong to the statement list, and an assignment is an expression
// statement with an operator, so a prediction never scans a whole statement or a run of
// terminators (which made parsing quadratic in them).
parser grammar TineParser;
options { tokenVocab = TineLexer; }

file      : terms? (stmt (terms stmt)* terms?)? EOF ;
block     : LBRACE terms? (stmt (terms stmt)* terms?)? RBRACE ;
terms     : TERM+ ;

stmt      : 'let' name=IDENT ('=' expr)?                                   # letStmt
          | 'fn' name=IDENT params block                                   # fnDecl
          | ifChain                                                        # ifStmt
          | 'while' expr block                                             # whileStmt
          | 'for' var=IDENT 'in' expr block                                # forStmt
          | 'break'                                                        # breakStmt
          | 'continue'                                                     # continueStmt
          | 'return' expr?                                                 # returnStmt
          | 'try' body=block (terms? 'catch' var=IDENT? handler=block)? (terms? 'finally' fin=block)?  # tryStmt
          | 'throw' expr                                                   # throwStmt
          | target=expr (op=('=' | '+=' | '-=' | '*=' | '/=') value=expr)? # exprStmt
          ;
ifChain   : 'if' expr block (terms? 'else' (elseIf=ifChain | elseBlock=block))? ;

params    : '(' (IDENT (',' IDENT)* ','?)? ')' ;

// Alternatives are listed tightest first: ANTLR gives earlier ones higher precedence.
expr      : expr '(' (expr (',' expr)* ','?)? ')'                          # callExpr
          | expr '[' index=expr ']'                                        # indexExpr
          | expr '.' IDENT                                                 # fieldExpr
          | '-' expr                                                       # negExpr
          | left=expr op=('*' | '/' | '%') right=expr                      # mulExpr
          | left=expr op=('+' | '-') right=expr                            # addExpr
          | left=expr op=('==' | '!=' | '<' | '<=' | '>' | '>=') right=expr  # cmpExpr
          | 'not' expr                                                     # notExpr
          | left=expr 'and' right=expr                                     # andExpr
          | left=expr 'or' right=expr                                      # orExpr
          | primary                                                        # primaryExpr
          ;

primary   : INT                                                            # intLit
          | FLOAT                                                          # floatLit
          | 'true'                                                         # trueLit
          | 'false'                                                        # falseLit
          | 'null'                                                         # nullLit
          | RAW_STRING                                                     # rawStringLit
          | STR_START strPart* STR_END                                     # stringLit
          | IDENT                                                          # nameRef
          | '(' expr ')'                                                   # parenExpr
          | '[' (expr (',' expr)* ','?)? ']'                               # listLit
          | LBRACE terms? (mapEntry (',' terms? mapEntry)* ','? terms?)? RBRACE  # mapLit
          | 'fn' params block                                              # fnLit
          ;
mapEntry  : key=expr ':' value=expr ;
strPart   : STR_TEXT | STR_ESC | STR_DOLLAR | INTERP_START expr RBRACE ;

