// Tine tokens. A separate lexer grammar because string interpolation needs lexer modes.
lexer grammar TineLexer;

TERM      : ';' | '\r'? '\n' ;
LBRACE    : '{' -> pushMode(DEFAULT_MODE) ;
RBRACE    : '}' -> popMode ;

LET: 'let'; FN: 'fn'; RETURN: 'return'; IF: 'if'; ELSE: 'else'; WHILE: 'while';
FOR: 'for'; IN: 'in'; BREAK: 'break'; CONTINUE: 'continue'; TRY: 'try';
CATCH: 'catch'; FINALLY: 'finally'; THROW: 'throw'; AND: 'and'; OR: 'or';
NOT: 'not'; TRUE: 'true'; FALSE: 'false'; NULL: 'null';

IDENT     : [A-Za-z_] [A-Za-z0-9_]* ;
FLOAT     : DIGITS '.' DIGITS EXPONENT? | DIGITS EXPONENT ;
INT       : '0' [xX] [0-9a-fA-F] [0-9a-fA-F_]* | DIGITS ;
fragment DIGITS   : [0-9] [0-9_]* ;
fragment EXPONENT : [eE] [+-]? [0-9]+ ;
RAW_STRING : '\'' ~'\''* '\'' ;
STR_START : '"' -> pushMode(STRING) ;

LPAREN: '('; RPAREN: ')'; LBRACK: '['; RBRACK: ']'; COMMA: ','; COLON: ':'; DOT: '.';
PLUS_ASSIGN: '+='; MINUS_ASSIGN: '-='; STAR_ASSIGN: '*='; SLASH_ASSIGN: '/=';
EQ: '=='; NE: '!='; LE: '<='; GE: '>='; LT: '<'; GT: '>'; ASSIGN: '=';
PLUS: '+'; MINUS: '-'; STAR: '*'; SLASH: '/'; PERCENT: '%';

COMMENT   : '#' ~[\r\n]* -> skip ;
WS        : [ \t\f]+ -> skip ;
BAD_CHAR  : . ;

mode STRING;
STR_END      : '"' -> popMode ;
INTERP_START : '${' -> pushMode(DEFAULT_MODE) ;
STR_ESC      : '\\' ( 'u{' [0-9a-fA-F]+ '}' | . ) ;
STR_DOLLAR   : '$' ;
STR_TEXT     : ~["\\$]+ ;
