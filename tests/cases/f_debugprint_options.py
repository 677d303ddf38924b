# theano.printing.debugprint options on graphs built from Dense
# layers: depth, ids, print_type, file='str' and file objects, lists of variables,
# Apply nodes, stop_on_name, a caller-supplied done dict, and the return value.
import sys
from io import StringIO

import numpy as np
import theano
from keras.models import Sequential
from keras.layers import Dense

np.random.seed(2)

model = Sequential()
model.add(Dense(4, input_dim=3, activation='tanh'))
model.add(Dense(2, activation='sigmoid'))
first, second = model.layers
out = model.output


def header(text):
    print('==', text, '==')


header('default')
theano.printing.debugprint(out)
for depth in (-1, 0, 1, 2, 3, 4):
    header('depth=%d' % depth)
    theano.printing.debugprint(out, depth=depth)
header('positional depth 2')
theano.printing.debugprint(out, 2)

header("ids='int'")
theano.printing.debugprint(out, ids='int')
header("ids=''")
theano.printing.debugprint(out, ids='')
header("ids='CHAR' explicit")
theano.printing.debugprint(out, ids='CHAR')

header('print_type=True')
theano.printing.debugprint(out, print_type=True)
header("print_type=True, ids=''")
theano.printing.debugprint(out, print_type=True, ids='')
header("print_type=True, ids='int', depth=2")
theano.printing.debugprint(out, print_type=True, ids='int', depth=2)

header("file='str'")
text = theano.printing.debugprint(out, file='str')
print(type(text).__name__)
print(repr(text))
header("file='str', depth=1")
print(repr(theano.printing.debugprint(first.output, file='str', depth=1)))
header("file='str', print_type=True")
print(repr(theano.printing.debugprint(first.output, file='str', print_type=True)))

header('file=StringIO()')
buf = StringIO()
returned = theano.printing.debugprint(first.output, file=buf)
print('returns the file:', returned is buf)
print(repr(buf.getvalue()))
header('file=sys.stdout')
returned = theano.printing.debugprint(first.output, file=sys.stdout)
print('returns sys.stdout:', returned is sys.stdout)
header('file=None return value')
returned = theano.printing.debugprint(first.output)
print('returned:', returned)

header('list [first.output, second.output]')
theano.printing.debugprint([first.output, second.output])
header('tuple (second.output, first.output)')
theano.printing.debugprint((second.output, first.output))
header('list of inputs and weights')
theano.printing.debugprint([model.input, first.W, first.b, second.W])
header('list, depth=2')
theano.printing.debugprint([first.output, second.output], depth=2)

header('Apply: out.owner')
theano.printing.debugprint(out.owner)
header('Apply: first.output.owner.inputs[0].owner')
theano.printing.debugprint(first.output.owner.inputs[0].owner)
header("Apply: out.owner, ids='int'")
theano.printing.debugprint(out.owner, ids='int')

header('leaves')
theano.printing.debugprint(model.input)
theano.printing.debugprint(first.W)
theano.printing.debugprint(second.b, print_type=True)
theano.printing.debugprint(first.W, ids='')
theano.printing.debugprint(first.W, ids='int')

header('done={} reused over two calls')
done = {}
theano.printing.debugprint(first.output, done=done)
print('entries after first call:', len(done))
print('values after first call:', sorted(done.values()))
theano.printing.debugprint(second.output, done=done)
print('entries after second call:', len(done))
header('done reused: same variable again')
theano.printing.debugprint(first.output, done=done)
header('done reused with depth=2')
done2 = {}
theano.printing.debugprint(second.output, depth=2, done=done2)
theano.printing.debugprint(second.output, done=done2)

header('stop_on_name=True without named intermediates')
theano.printing.debugprint(out, stop_on_name=True)

header('stop_on_name with a named intermediate')
first.output.name = 'hidden'
theano.printing.debugprint(out, stop_on_name=True)
header('same graph, stop_on_name=False (default)')
theano.printing.debugprint(out)
header('named output itself, stop_on_name=True')
theano.printing.debugprint(first.output, stop_on_name=True)
